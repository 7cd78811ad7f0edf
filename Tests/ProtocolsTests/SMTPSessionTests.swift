import Protocols
import Testing

/// SMTP cases the captures do not show: several transactions, refused recipients and data, AUTH, BDAT,
/// pipelining, STARTTLS, dot-stuffing across segments.
@Suite struct SMTPSessionTests {
    let targets = MailTestSupport.Targets(["erin@example.org"])

    func session() -> SMTPSession {
        var parser = SMTPSession(lookup: targets, pieceLimit: 1 << 20)
        _ = MailTestSupport.feed("220 mx ESMTP\r\n", fromClient: false, to: &parser)
        _ = MailTestSupport.feed("EHLO c\r\n", fromClient: true, to: &parser)
        _ = MailTestSupport.feed("250-mx\r\n250 PIPELINING\r\n", fromClient: false, to: &parser)
        return parser
    }

    /// Runs one transaction: MAIL, each RCPT with its reply code, DATA and its body, the final reply.
    func transaction(
        _ parser: inout SMTPSession,
        from sender: String,
        to recipients: [(String, Int)],
        body: String,
        dataReply: Int = 250
    ) -> [MailEvent] {
        var events = MailTestSupport.feed("MAIL FROM:<\(sender)> SIZE=100\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 ok\r\n", fromClient: false, to: &parser)
        for (recipient, code) in recipients {
            events += MailTestSupport.feed("RCPT TO:<\(recipient)>\r\n", fromClient: true, to: &parser)
            events += MailTestSupport.feed("\(code) rcpt\r\n", fromClient: false, to: &parser)
        }
        events += MailTestSupport.feed("DATA\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("354 go\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed(body + "\r\n.\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("\(dataReply) done\r\n", fromClient: false, to: &parser)
        return events
    }

    @Test func eachTransactionIsJudgedOnItsOwn() {
        var parser = session()
        let first = transaction(&parser, from: "dave@example.com", to: [("eve@example.com", 250)], body: "one")
        let second = transaction(&parser, from: "dave@example.com", to: [("Erin@Example.ORG", 250)], body: "two")
        #expect(MailTestSupport.messages(first).map(\.contentKept) == [false])
        #expect(MailTestSupport.messages(second).map(\.contentKept) == [true])
        #expect(MailTestSupport.messages(second).first?.recipients == ["Erin@Example.ORG"])
        #expect(MailTestSupport.contents(second) == [Array("two\r\n".utf8)])
    }

    @Test func aRefusedRecipientIsNoRecipient() {
        var parser = session()
        let events = transaction(
            &parser,
            from: "dave@example.com",
            to: [("erin@example.org", 550), ("eve@example.com", 250)],
            body: "hello"
        )
        let message = MailTestSupport.messages(events).first
        #expect(message?.recipients == ["eve@example.com"])
        #expect(message?.contentKept == false)
    }

    @Test func aRefusedDataLeavesTheNextCommandsReadable() {
        var parser = session()
        var events = MailTestSupport.feed("MAIL FROM:<erin@example.org>\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 ok\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("DATA\r\nQUIT\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("554 no valid recipients\r\n221 bye\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.messages(events).isEmpty)
        #expect(events.last == .logoff)
    }

    @Test func aRefusedMessageIsReportedAsFailed() {
        var parser = session()
        let events = transaction(
            &parser,
            from: "erin@example.org",
            to: [("eve@example.com", 250)],
            body: "spam",
            dataReply: 554
        )
        #expect(MailTestSupport.messages(events).map(\.succeeded) == [false])
    }

    @Test func pipelinedCommandsMeetTheirReplies() {
        var parser = session()
        var events = MailTestSupport.feed(
            "MAIL FROM:<dave@example.com>\r\nRCPT TO:<erin@example.org>\r\nRCPT TO:<x@example.com>\r\nDATA\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("250 ok\r\n250 ok\r\n550 no\r\n354 go\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 queued\r\n221 bye\r\n", fromClient: false, to: &parser)
        let message = MailTestSupport.messages(events).first
        #expect(message?.recipients == ["erin@example.org"] && message?.contentKept == true)
        #expect(MailTestSupport.contents(events) == [Array("Subject: hi\r\n\r\nbody\r\n".utf8)])
        #expect(events.last == .logoff)
    }

    @Test func dotStuffingIsUndoneEvenOneByteAtATime() {
        var parser = session()
        var events = MailTestSupport.feed(
            "MAIL FROM:<erin@example.org>\r\nRCPT TO:<a@b.c>\r\nDATA\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("250 ok\r\n250 ok\r\n354 go\r\n", fromClient: false, to: &parser)
        for byte in "line\r\n..hidden\r\n.\r\r\nlast\r\n.\r\n".utf8 {
            events += MailTestSupport.feed(String(decoding: [byte], as: UTF8.self), fromClient: true, to: &parser)
        }
        events += MailTestSupport.feed("250 ok\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.contents(events) == [Array("line\r\n.hidden\r\n\r\r\nlast\r\n".utf8)])
    }

    @Test func authLoginAndPlainNameTheirUsersAndNeverThePassword() {
        var parser = session()
        var events = MailTestSupport.feed("AUTH LOGIN\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("334 VXNlcm5hbWU6\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("ZXJpbg==\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("334 UGFzc3dvcmQ6\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("c2VjcmV0\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("235 ok\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.logons(events).map(\.0) == ["erin"])
        var other = session()
        var failed = MailTestSupport.feed(
            "AUTH PLAIN AGVyaW5AZXhhbXBsZS5vcmcAc2VjcmV0\r\n",
            fromClient: true,
            to: &other
        )
        failed += MailTestSupport.feed("535 bad credentials\r\n", fromClient: false, to: &other)
        #expect(MailTestSupport.logons(failed).map(\.0) == ["erin@example.org"])
        #expect(MailTestSupport.logons(failed).map(\.1) == [false])
        #expect(!MailTestSupport.mentions(events + failed, "secret"))
    }

    @Test func bdatChunksMakeOneMessage() {
        var parser = session()
        var events = MailTestSupport.feed(
            "MAIL FROM:<erin@example.org>\r\nRCPT TO:<a@b.c>\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("250 ok\r\n250 ok\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("BDAT 5\r\nhel", fromClient: true, to: &parser)
        events += MailTestSupport.feed("lo", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 5 octets\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed("BDAT 7 LAST\r\n world!\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 queued\r\n", fromClient: false, to: &parser)
        #expect(MailTestSupport.messages(events).map(\.octets) == [12])
        #expect(MailTestSupport.contents(events) == [Array("hello world!".utf8)])
    }

    @Test func startTLSMakesTheRestOpaque() {
        var parser = session()
        var events = MailTestSupport.feed("STARTTLS\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("220 go ahead\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed(
            "\u{16}\u{03}\u{01}MAIL FROM:<erin@example.org>\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("250 ok\r\n", fromClient: false, to: &parser)
        #expect(events == [.startTLS])
        #expect(parser.isOpaque)
    }

    @Test func aLongMessageComesInBoundedPieces() {
        var parser = SMTPSession(lookup: targets, pieceLimit: 4096)
        var events = MailTestSupport.feed("220 mx\r\n", fromClient: false, to: &parser)
        events += MailTestSupport.feed(
            "MAIL FROM:<erin@example.org>\r\nRCPT TO:<a@b.c>\r\nDATA\r\n",
            fromClient: true,
            to: &parser
        )
        events += MailTestSupport.feed("250 ok\r\n250 ok\r\n354 go\r\n", fromClient: false, to: &parser)
        let line = String(repeating: "x", count: 998) + "\r\n"
        for _ in 0..<1000 { events += MailTestSupport.feed(line, fromClient: true, to: &parser) }
        events += MailTestSupport.feed(".\r\n", fromClient: true, to: &parser)
        events += MailTestSupport.feed("250 ok\r\n", fromClient: false, to: &parser)
        let contents = MailTestSupport.contents(events)
        #expect(contents.allSatisfy { $0.count <= 4096 })
        #expect(contents.reduce(0) { $0 + $1.count } == 1_000_000)
        #expect(MailTestSupport.messages(events).map(\.octets) == [1_000_000])
    }
}
