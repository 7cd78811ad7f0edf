import Protocols
import Testing

@Suite("SIPStreamSplitter")
struct SIPStreamSplitterTests {
    private let bye = SIPTestSupport.message(["BYE sip:bob@example.net SIP/2.0", "Call-ID: call-1@192.0.2.1"])

    @Test("two messages in one chunk, with a keep-alive between them")
    func twoInOneChunk() throws {
        var splitter = SIPStreamSplitter()
        let chunk = SIPTestSupport.invite + Array("\r\n\r\n".utf8) + bye
        let messages = try SIPTestSupport.append(chunk, to: &splitter).get()
        #expect(messages == [SIPTestSupport.invite, bye])
        #expect(splitter.bufferedByteCount == 0)
        #expect(try SIPTestSupport.parse(messages[0]).get().sdpBody != nil)
        #expect(try SIPTestSupport.parse(messages[1]).get().method == "BYE")
    }

    @Test("one message across three chunks, split inside the headers and inside the body")
    func acrossThreeChunks() throws {
        var splitter = SIPStreamSplitter()
        let invite = SIPTestSupport.invite
        let cuts = [40, invite.count - 30]
        #expect(try SIPTestSupport.append(Array(invite[..<cuts[0]]), to: &splitter).get().isEmpty)
        #expect(try SIPTestSupport.append(Array(invite[cuts[0]..<cuts[1]]), to: &splitter).get().isEmpty)
        #expect(splitter.bufferedByteCount == cuts[1])
        let tail = Array(invite[cuts[1]...]) + Array(bye[..<10])
        #expect(try SIPTestSupport.append(tail, to: &splitter).get() == [invite])
        #expect(splitter.bufferedByteCount == 10)
        #expect(try SIPTestSupport.append(Array(bye[10...]), to: &splitter).get() == [bye])
    }

    @Test("every split point of two messages gives the same two messages")
    func everySplitPoint() throws {
        let stream = SIPTestSupport.invite + bye
        for cut in 0...stream.count {
            var splitter = SIPStreamSplitter()
            let first = try SIPTestSupport.append(Array(stream[..<cut]), to: &splitter).get()
            let second = try SIPTestSupport.append(Array(stream[cut...]), to: &splitter).get()
            #expect(first + second == [SIPTestSupport.invite, bye], "cut \(cut)")
        }
    }

    @Test(
        "garbage, missing or bad Content-Length and oversized messages are errors",
        arguments: [
            ("\u{01}\u{02}binary", SIPError.badStartLine),
            ("HELLO WORLD\r\n", .badStartLine),
            ("BYE sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n", .missingContentLength),
            ("BYE sip:a@b SIP/2.0\r\nl: -5\r\n\r\n", .badContentLength),
            ("BYE sip:a@b SIP/2.0\r\nContent-Length: 9999999\r\n\r\n", .messageTooLarge),
        ] as [(String, SIPError)]
    )
    func errors(text: String, error: SIPError) {
        var splitter = SIPStreamSplitter()
        #expect(SIPTestSupport.append(Array(text.utf8), to: &splitter) == .failure(error))
        #expect(splitter.bufferedByteCount == 0)
    }

    @Test("a header section over the size limit, or a start line over the line limit, is an error")
    func oversized() {
        let filler = Array(repeating: UInt8(ascii: "A"), count: 70_000)
        var splitter = SIPStreamSplitter()
        let headers = Array("BYE sip:a@b SIP/2.0\r\nX: ".utf8) + filler
        #expect(SIPTestSupport.append(headers, to: &splitter) == .failure(.messageTooLarge))
        #expect(SIPTestSupport.append(Array(filler[..<9000]), to: &splitter) == .failure(.lineTooLong))
        #expect(splitter.bufferedByteCount == 0)
    }

    @Test("a stream of headers without an end stops at the limit instead of waiting for ever")
    func bounded() {
        var splitter = SIPStreamSplitter(maximumMessageSize: 1000)
        var result = SIPTestSupport.append(Array("OPTIONS sip:a@b SIP/2.0\r\n".utf8), to: &splitter)
        var rounds = 0
        while case .success = result, rounds < 100 {
            result = SIPTestSupport.append(Array("X-Filler: 0123456789\r\n".utf8), to: &splitter)
            rounds += 1
        }
        #expect(result == .failure(.messageTooLarge))
        #expect(rounds < 50)
    }

    /// Found by fuzz-sip-stream running slowly: each piece made the splitter search the whole message for the end of
    /// its header again (and read its header lines again while the body came in), so a message sent in tiny TCP
    /// segments cost time quadratic in its size. 60 KB one octet at a time took minutes; now it is linear.
    @Test("a large message arriving one octet at a time is framed without searching it again for every octet")
    func oneOctetAtATime() throws {
        let filler = (0..<850).map { "X-Filler-\($0): 0123456789012345678901234567890123456789012345678901" }
        let body = String(repeating: "v=0\r\n", count: 1000)
        let message = SIPTestSupport.message(["INVITE sip:bob@example.net SIP/2.0"] + filler, body: body)
        #expect(message.count > 60_000)
        var splitter = SIPStreamSplitter()
        var messages: [[UInt8]] = []
        for octet in message + SIPTestSupport.message(["BYE sip:bob@example.net SIP/2.0"]) {
            messages += try SIPTestSupport.append([octet], to: &splitter).get()
        }
        #expect(messages.count == 2)
        #expect(messages.first == message)
        #expect(splitter.bufferedByteCount == 0)
    }
}
