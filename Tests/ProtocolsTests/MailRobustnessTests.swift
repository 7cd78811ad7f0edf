import Protocols
import TestSupport
import Testing

/// The mail parsers on hostile input: random bytes, overlong lines, literals and chunks that lie about their
/// length, a DATA that never ends. Nothing crashes, errors are counted, what is held stays bounded.
@Suite struct MailRobustnessTests {
    let targets = MailTestSupport.Targets(["erin@example.org"])

    func randomSegments(seed: UInt64) -> [(Bool, [UInt8])] {
        var generator = SeededGenerator(seed: seed)
        let words = [
            "MAIL FROM:<erin@example.org>", "RCPT TO:<x>", "DATA", "BDAT 99", "{5}", "a1 LOGIN erin x",
            "* 1 FETCH (BODY[] {10}", "+OK", "-ERR", "354 go", "250 ok", "USER erin", "RETR 1", ".", "AUTH PLAIN",
        ]
        return (0..<400).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += Array((words.randomElement(using: &generator) ?? "").utf8) + [0x0D, 0x0A]
                } else {
                    bytes += (0..<Int.random(in: 0...64, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    }
                }
            }
            return (Bool.random(using: &generator), bytes)
        }
    }

    func run(_ parser: inout some MailSessionParser, _ segments: [(Bool, [UInt8])]) -> [MailEvent] {
        var events: [MailEvent] = []
        for (fromClient, bytes) in segments {
            bytes.withUnsafeBytes {
                fromClient ? parser.takeClient($0, into: &events) : parser.takeServer($0, into: &events)
            }
        }
        return events
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func randomInputNeverCrashes(seed: UInt64) {
        let segments = randomSegments(seed: seed)
        var smtp = SMTPSession(lookup: targets, pieceLimit: 4096)
        var imap = IMAPSession(lookup: targets, pieceLimit: 4096)
        var pop3 = POP3Session(lookup: targets, pieceLimit: 4096)
        for events in [run(&smtp, segments), run(&imap, segments), run(&pop3, segments)] {
            #expect(MailTestSupport.contents(events).allSatisfy { $0.count <= 4096 })
        }
    }

    @Test func overlongLinesAreCountedAndSkipped() {
        let long = [UInt8](repeating: UInt8(ascii: "A"), count: 100_000) + [0x0D, 0x0A]
        var smtp = SMTPSession(lookup: targets, pieceLimit: 4096)
        var events = run(&smtp, [(false, Array("220 mx\r\n".utf8)), (true, long), (true, Array("QUIT\r\n".utf8))])
        events += run(&smtp, [(false, Array("221 bye\r\n".utf8))])
        #expect(MailTestSupport.errors(events) == [.overlongLine])
        #expect(events.last == .logoff)
        var pop3 = POP3Session(lookup: targets, pieceLimit: 4096)
        #expect(MailTestSupport.errors(run(&pop3, [(false, long)])) == [.overlongLine])
    }

    @Test func literalsThatLieAboutTheirLength() {
        var imap = IMAPSession(lookup: targets, pieceLimit: 4096)
        var events = run(
            &imap,
            [(true, Array("a1 LOGIN erin@example.org x\r\n".utf8)), (false, Array("a1 OK\r\n".utf8))]
        )
        events += run(&imap, [(true, Array("a2 FETCH 1 BODY[]\r\n".utf8))])
        events += run(&imap, [(false, Array("* 1 FETCH (BODY[] {999999999999}\r\nshort)\r\na2 OK\r\n".utf8))])
        for _ in 0..<100 { events += run(&imap, [(false, [UInt8](repeating: 0x41, count: 10_000))]) }
        #expect(MailTestSupport.contents(events).allSatisfy { $0.count <= 4096 })
        #expect(MailTestSupport.contents(events).count == 1_000_000 / 4096)
        var other = IMAPSession(lookup: targets, pieceLimit: 4096)
        let refused = run(&other, [(false, Array("* 1 FETCH (BODY[] {99999999999999999999}\r\n* OK\r\n".utf8))])
        #expect(MailTestSupport.errors(refused) == [.badLength])
        var smtp = SMTPSession(lookup: targets, pieceLimit: 4096)
        #expect(MailTestSupport.errors(run(&smtp, [(true, Array("BDAT ten LAST\r\n".utf8))])) == [.badLength])
    }

    @Test func aDataThatNeverEndsStaysBounded() {
        var smtp = SMTPSession(lookup: targets, pieceLimit: 8192)
        var events = run(
            &smtp,
            [
                (false, Array("220 mx\r\n".utf8)), (true, Array("MAIL FROM:<erin@example.org>\r\nDATA\r\n".utf8)),
                (false, Array("250 ok\r\n354 go\r\n".utf8)),
            ]
        )
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 65_536)
        for _ in 0..<64 { events += run(&smtp, [(true, chunk)]) }
        let pieces = MailTestSupport.contents(events)
        #expect(pieces.count == 64 * 65_536 / 8192)
        #expect(pieces.allSatisfy { $0.count == 8192 })
    }

    @Test func clientDataWithoutAnAnswerToDataIsHeldOnlySoLong() {
        var smtp = SMTPSession(lookup: targets, pieceLimit: 8192)
        var events = run(&smtp, [(false, Array("220 mx\r\n".utf8)), (true, Array("DATA\r\n".utf8))])
        let chunk = [UInt8](repeating: UInt8(ascii: "q"), count: 40_000)
        events += run(&smtp, [(true, chunk), (true, chunk), (true, Array("\r\n.\r\n".utf8))])
        #expect(MailTestSupport.errors(events) == [.unexpectedData])
    }
}
