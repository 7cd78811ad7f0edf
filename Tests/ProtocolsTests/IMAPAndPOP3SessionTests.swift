import Protocols
import Testing

/// IMAP and POP3 cases the captures do not show: APPEND, literals in commands, partial fetches, IDLE, failed
/// log-ons, APOP, a lost segment.
@Suite struct IMAPAndPOP3SessionTests {
    let targets = MailTestSupport.Targets(["erin@example.org"])

    func imapLoggedOn() -> (IMAPSession, [MailEvent]) {
        var parser = IMAPSession(lookup: targets, pieceLimit: 1 << 20)
        var events = MailTestSupport.feed("* OK ready\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("a1 LOGIN {16}\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("+ go\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("erin@example.org \"pass word\"\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a1 OK [CAPABILITY IMAP4rev1] done\r\n", fromClient: false, to: &parser)
        return (parser, events)
    }

    @Test func imapLoginWithALiteralName() {
        let (_, events) = imapLoggedOn()
        #expect(MailTestSupport.logons(events).map(\.0) == ["erin@example.org"])
        #expect(!MailTestSupport.mentions(events, "pass word"))
    }

    @Test func imapAppendIsAnUpload() {
        var (parser, _) = imapLoggedOn()
        var events = MailTestSupport.feed("a2 APPEND Sent (\\Seen) {11}\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("+ Ready\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("hello\r\nbye!\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a3 APPEND Sent {3+}\r\nabc\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a2 OK appended\r\na3 OK appended\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.messages(events).map(\.kind) == [.upload, .upload])
        #expect(MailTestSupport.contents(events) == [Array("hello\r\nbye!".utf8), Array("abc".utf8)])
    }

    @Test func imapRefusedAppendLiteralIsNotReadAsMessage() {
        var (parser, _) = imapLoggedOn()
        var events = MailTestSupport.feed("a2 APPEND Sent {9999}\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a2 NO [TOOBIG] too big\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("a3 LOGOUT\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("* BYE\r\na3 OK bye\r\n", fromClient: false, to: &parser)
        #expect(events.last == .logoff)
    }

    @Test func imapPartialFetchesAndIdle() {
        var (parser, _) = imapLoggedOn()
        var events = MailTestSupport.feed("a2 UID FETCH 7 (BODY.PEEK[]<0.4>)\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("* 1 FETCH (UID 7 BODY[]<0> {4}\r\nFrom)\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("a2 OK done\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("a3 IDLE\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("+ idling\r\n* 2 EXISTS\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("DONE\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a3 OK idle done\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("a4 FETCH 2 (FLAGS RFC822)\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed(
            "* 2 FETCH (FLAGS (\\Seen) RFC822 {2}\r\nhi)\r\na4 OK\r\n",
            fromClient: false,
            to: &parser
        )
        #expect(MailTestSupport.messages(events).map(\.kind) == [.partialDownload, .download])
        #expect(MailTestSupport.contents(events) == [Array("From".utf8), Array("hi".utf8)])
        #expect(MailTestSupport.errors(events).isEmpty)
    }

    @Test func imapFailedLoginIsReported() {
        var parser = IMAPSession(lookup: targets, pieceLimit: 1 << 20)
        var events = MailTestSupport.feed("a1 LOGIN erin@example.org wrong\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("a1 NO [AUTHENTICATIONFAILED] failed\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.logons(events).map(\.1) == [false])
    }

    @Test func pop3ApopFailedPassAndDotStuffedRetrieval() {
        var parser = POP3Session(lookup: targets, pieceLimit: 1 << 20)
        var events = MailTestSupport.feed("+OK ready <1.2@mx>\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("USER erin@example.org\r\nPASS wrong\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("+OK\r\n-ERR [AUTH] failed\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed(
            "APOP erin@example.org c4c9334bac560ecc979e58001b3e22fb\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("+OK maildrop ready\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("RETR 1\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed(
            "+OK 20 octets\r\nSubject: x\r\n\r\n..dot\r\n.\r\n",
            fromClient: false,
            to: &parser
        )
        #expect(MailTestSupport.logons(events).map(\.1) == [false, true])
        #expect(MailTestSupport.contents(events) == [Array("Subject: x\r\n\r\n.dot\r\n".utf8)])
    }

    @Test func pop3LostSegmentResynchronisesAtTheTerminatingLine() {
        var parser = POP3Session(lookup: targets, pieceLimit: 1 << 20)
        var events = MailTestSupport.feed("+OK\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed(
            "USER erin@example.org\r\nPASS x\r\nRETR 1\r\nQUIT\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("+OK\r\n+OK\r\n+OK\r\nfirst part\r\n", fromClient: false, to: &parser)
        parser.lost(octets: 1000, fromClient: false, into: &events)
        events += MailTestSupport.feed("ond part\r\n.\r\n+OK bye\r\n", fromClient: false, to: &parser)
        let message = MailTestSupport.messages(events).first
        #expect(message?.incomplete == true)
        #expect(MailTestSupport.errors(events) == [.gap])
        #expect(events.last == .logoff)
    }
}
