import Testing

@testable import Collector

/// One direction of a TCP connection put back in order: retransmissions, overlaps, early segments, lost bytes.
@Suite struct TCPStreamDirectionTests {
    /// Feeds segments (sequence number, text) after a SYN at 99; returns the text handed on, `<lost N>` for gaps.
    func run(_ segments: [(UInt32, String)], mayHold: Bool = true, flush: Bool = false) -> String {
        var direction = TCPStreamDirection()
        var out = ""
        let deliver: (TCPStreamDirection.Piece) -> Void = { piece in
            switch piece {
            case .bytes(let bytes): out += String(decoding: bytes, as: UTF8.self)
            case .lost(let count): out += "<lost \(count)>"
            }
        }
        direction.take(sequence: 99, syn: true, payload: UnsafeRawBufferPointer(start: nil, count: 0), deliver: deliver)
        for (sequence, text) in segments {
            Array(text.utf8).withUnsafeBytes {
                direction.take(sequence: sequence, syn: false, payload: $0, mayHold: mayHold, deliver: deliver)
            }
        }
        if flush { direction.flush(deliver: deliver) }
        return out
    }

    @Test func inOrderRetransmittedAndOverlapping() {
        #expect(run([(100, "hello "), (100, "hello "), (103, "lo world"), (111, "!")]) == "hello world!")
    }

    @Test func earlySegmentsWaitForTheBytesBeforeThem() {
        #expect(run([(106, "world"), (111, "!"), (100, "hello ")]) == "hello world!")
    }

    @Test func aSegmentTheCaptureLostIsReportedWhenTheConnectionEnds() {
        #expect(run([(100, "ab"), (110, "xyz")], flush: true) == "ab<lost 8>xyz")
    }

    @Test func tooMuchHeldSkipsToWhatIsHeld() {
        let segments = (0..<65).map { (UInt32(200 + $0 * 10), String(repeating: "k", count: 10)) }
        let out = run([(100, "a")] + segments)
        #expect(out.hasPrefix("a<lost 99>kkkk"))
        #expect(out.count == "a<lost 99>".count + 650)
    }

    @Test func withoutLeaveToHoldAnEarlySegmentIsTakenAtOnce() {
        #expect(run([(100, "ab"), (105, "cd"), (102, "zzz")], mayHold: false) == "ab<lost 3>cd")
    }
}
