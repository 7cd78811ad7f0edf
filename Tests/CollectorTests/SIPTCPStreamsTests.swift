import Collector
import Packets
import Testing

/// SIP over TCP: segments fed in sequence order to the direction's splitter, retransmissions skipped, gaps and
/// connection ends handled, and the number of directions bounded.
struct SIPTCPStreamsTests {
    static let key = FlowKey(
        source: .v4(0xC000_020A),
        sourcePort: 40_000,
        destination: .v4(0xC000_0201),
        destinationPort: 5060
    )

    static func message(_ method: String, _ callID: String) -> [UInt8] {
        Array(
            ("\(method) sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.10;branch=z9hG4bK1\r\n"
                + "Call-ID: \(callID)\r\nCSeq: 1 \(method)\r\nContent-Length: 0\r\n\r\n").utf8
        )
    }

    static func segment(sequence: UInt32, flags: UInt8 = 0x18, payload: [UInt8]) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 20)
        header[0] = 0x9C
        header[1] = 0x40
        header[2] = 0x13
        header[3] = 0xC4
        header[4] = UInt8(sequence >> 24)
        header[5] = UInt8((sequence >> 16) & 0xFF)
        header[6] = UInt8((sequence >> 8) & 0xFF)
        header[7] = UInt8(sequence & 0xFF)
        header[12] = 0x50
        header[13] = flags
        return header + payload
    }

    typealias Key = FlowKey

    func feed(_ streams: inout SIPTCPStreams, _ segment: [UInt8], key: Key = Self.key) throws -> [[UInt8]] {
        try segment.withUnsafeBytes { bytes in
            try streams.append(tcp: bytes, payloadOffset: 20, key: key, timeMicros: 0)
        }
    }

    @Test func messagesSplitAndJoinedAcrossSegments() throws {
        var streams = SIPTCPStreams()
        let first = Self.message("INVITE", "a")
        let second = Self.message("OPTIONS", "b")
        #expect(try feed(&streams, Self.segment(sequence: 99, flags: 0x02, payload: [])).isEmpty)
        let both = first + second
        let cut = first.count + 10
        #expect(try feed(&streams, Self.segment(sequence: 100, payload: Array(both[..<30]))).isEmpty)
        #expect(try feed(&streams, Self.segment(sequence: 130, payload: Array(both[30..<cut]))) == [first])
        let tail = Array(both[cut...])
        #expect(try feed(&streams, Self.segment(sequence: UInt32(100 + cut), payload: tail)) == [second])
    }

    @Test func retransmittedBytesAreSkipped() throws {
        var streams = SIPTCPStreams()
        let invite = Self.message("INVITE", "a")
        #expect(try feed(&streams, Self.segment(sequence: 1000, payload: Array(invite[..<40]))).isEmpty)
        #expect(try feed(&streams, Self.segment(sequence: 1000, payload: Array(invite[..<40]))).isEmpty)
        #expect(try feed(&streams, Self.segment(sequence: 1020, payload: Array(invite[20...]))) == [invite])
        #expect(try feed(&streams, Self.segment(sequence: 1000, payload: invite)).isEmpty)
    }

    @Test func gapRestartsAtTheNextMessage() throws {
        var streams = SIPTCPStreams()
        let invite = Self.message("INVITE", "a")
        let bye = Self.message("BYE", "a")
        #expect(try feed(&streams, Self.segment(sequence: 1, payload: Array(invite[..<40]))).isEmpty)
        let later = UInt32(1 + invite.count)
        #expect(try feed(&streams, Self.segment(sequence: later, payload: bye)) == [bye])
    }

    @Test func finEndsTheDirectionAndFlowsAreBounded() throws {
        var streams = SIPTCPStreams(maximumFlows: 2)
        let invite = Self.message("INVITE", "a")
        #expect(try feed(&streams, Self.segment(sequence: 1, flags: 0x11, payload: invite)) == [invite])
        #expect(streams.count == 0)
        for port in UInt16(1)...5 {
            var key = Self.key
            key.sourcePort = port
            _ = try feed(&streams, Self.segment(sequence: 1, payload: Array(invite[..<10])), key: key)
        }
        #expect(streams.count == 2)
    }

    @Test func garbageIsAnErrorNotACrash() throws {
        var streams = SIPTCPStreams()
        #expect(throws: (any Error).self) {
            try feed(&streams, Self.segment(sequence: 1, payload: Array("\u{1}\u{2}garbage\r\n\r\n".utf8)))
        }
        let short: [UInt8] = [1, 2, 3]
        let none = try short.withUnsafeBytes { bytes in
            try streams.append(tcp: bytes, payloadOffset: 20, key: Self.key, timeMicros: 0)
        }
        #expect(none.isEmpty)
    }
}
