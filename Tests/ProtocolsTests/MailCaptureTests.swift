import Protocols
import Testing

/// The mail parsers on sessions made by real software (aiosmtpd and swaks; dovecot with python and curl clients),
/// against what each capture's JSON says happened.
@Suite struct MailCaptureTests {
    let targets = MailTestSupport.Targets(["Bob.Target@example.org"])

    @Test func smtpSessionGivesTheTargetsTransactionWithItsMessage() throws {
        let segments = try MailTestSupport.segments("smtp-session.pcap", serverPort: 25)
        var parser = SMTPSession(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 48825, parser: &parser)
        let messages = MailTestSupport.messages(events)
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message.kind == .sent && message.succeeded && message.contentKept && !message.incomplete)
        #expect(message.sender == "bob.target@example.org")
        #expect(message.recipients == ["carol@example.net"])
        #expect(message.octets == message.content.count && message.content.suffix(2) == [0x0D, 0x0A])
        #expect(events.last == .logoff)
        #expect(MailTestSupport.errors(events).isEmpty)
    }

    @Test func smtpSessionsThatConcernNoTargetKeepNothing() throws {
        let segments = try MailTestSupport.segments("smtp-session.pcap", serverPort: 25)
        var other = SMTPSession(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 40263, parser: &other)
        let message = try #require(MailTestSupport.messages(events).first)
        #expect(message.sender == "dave@example.com" && message.recipients == ["eve@example.com"])
        #expect(!message.contentKept && message.content.isEmpty && message.octets > 0)
        var probe = SMTPSession(lookup: targets, pieceLimit: 1 << 20)
        let probeEvents = MailTestSupport.events(of: segments, clientPort: 45242, parser: &probe)
        #expect(MailTestSupport.messages(probeEvents).isEmpty && MailTestSupport.logons(probeEvents).isEmpty)
    }

    @Test func imapSessionGivesLogonBothFetchesAndLogout() throws {
        let segments = try MailTestSupport.segments("imap-session.pcap", serverPort: 143)
        var parser = IMAPSession(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 39243, parser: &parser)
        #expect(MailTestSupport.logons(events).map(\.0) == ["bob.target@example.org"])
        #expect(MailTestSupport.logons(events).map(\.1) == [true])
        let messages = MailTestSupport.messages(events)
        #expect(messages.map(\.kind) == [.partialDownload, .download])
        #expect(messages.map(\.octets) == [265, 14646])
        #expect(messages.map(\.sender) == ["carol@example.net", "frank@example.com"])
        #expect(messages.allSatisfy { $0.succeeded && $0.contentKept && $0.user == "bob.target@example.org" })
        #expect(
            MailTestSupport.contents(events).map(MailTestSupport.sha256) == [
                "ee2b1c54e9d896f8aad2b3b547459aa7751131456e89712f97be5d6aa4b37611",
                "58fe819467c919e7658c43c8671020dbeff8bd551da268f2f38264e5225dc1c8",
            ]
        )
        #expect(events.last == .logoff)
        #expect(MailTestSupport.errors(events).isEmpty)
        #expect(!MailTestSupport.mentions(events, "Bob-pw-2026"))
    }

    @Test func imapAuthenticatePlainNamesItsUser() throws {
        let segments = try MailTestSupport.segments("imap-session.pcap", serverPort: 143)
        var parser = IMAPSession(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 40838, parser: &parser)
        #expect(MailTestSupport.logons(events).map(\.0) == ["dave@example.com"])
        let messages = MailTestSupport.messages(events)
        #expect(messages.count == 1 && messages.allSatisfy { !$0.contentKept && $0.kind == .download })
        #expect(MailTestSupport.contents(events).isEmpty)
        #expect(!MailTestSupport.mentions(events, "Dave-pw-2026"))
    }

    @Test func pop3SessionGivesLogonThreeRetrievalsAndQuit() throws {
        let segments = try MailTestSupport.segments("pop3-session.pcap", serverPort: 110)
        var parser = POP3Session(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 54133, parser: &parser)
        #expect(MailTestSupport.logons(events).map(\.0) == ["bob.target@example.org"])
        let messages = MailTestSupport.messages(events)
        #expect(messages.map(\.kind) == [.download, .download, .partialDownload])
        #expect(messages.map(\.octets) == [2669, 14646, 346])
        #expect(messages.map(\.sender) == ["carol@example.net", "frank@example.com", "alice@example.net"])
        #expect(
            MailTestSupport.contents(events).map(MailTestSupport.sha256) == [
                "2e5aa3ea20257102a101dbfbdb7419b3f97f4c3be738c219c73b994c6ccc4094",
                "58fe819467c919e7658c43c8671020dbeff8bd551da268f2f38264e5225dc1c8",
                "edeea2a7bc005080ca8078c9f90b7e8e017e0cb61eff8f4dfe602b1e71944aaf",
            ]
        )
        #expect(events.last == .logoff)
        #expect(MailTestSupport.errors(events).isEmpty)
        #expect(!MailTestSupport.mentions(events, "Bob-pw-2026"))
    }

    @Test func pop3TwoStepAuthPlainNamesItsUser() throws {
        let segments = try MailTestSupport.segments("pop3-session.pcap", serverPort: 110)
        var parser = POP3Session(lookup: targets, pieceLimit: 1 << 20)
        let events = MailTestSupport.events(of: segments, clientPort: 44260, parser: &parser)
        #expect(MailTestSupport.logons(events).map(\.0) == ["eve@example.com"])
        #expect(MailTestSupport.messages(events).map(\.octets) == [319])
        #expect(MailTestSupport.contents(events).isEmpty)
        #expect(events.last == .logoff)
    }
}
