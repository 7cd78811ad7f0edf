import Packets
import TestSupport
import Testing

@Suite("IPReassembler: IPv4")
struct IPReassemblerTests {
    /// The IP packet of a frame, as the decoder found it.
    static func ipPacket(_ frame: PcapFrame) throws -> [UInt8] {
        let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
        return Array(frame.bytes[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
    }

    /// Three fragments of one UDP datagram (payload 0..<40, so 48 bytes of UDP) and the whole datagram's UDP.
    static func fragments(identifier: UInt16 = 7) -> (fragments: [[UInt8]], udp: [UInt8]) {
        let udp = TestFrames.udp(sourcePort: 1_812, destinationPort: 40_000, payload: (0..<40).map { UInt8($0) })
        let parts = [(0, 16, true), (16, 32, true), (32, 48, false)]
        let fragments = parts.map { start, end, more in
            TestFrames.ipv4(
                source: 0xC000_0202,
                destination: 0xC000_020A,
                protocol: 17,
                payload: Array(udp[start..<end]),
                identifier: identifier,
                flagsAndOffset: (more ? 0x2000 : 0) | UInt16(start / 8)
            )
        }
        return (fragments, udp)
    }

    static func add(_ reassembler: inout IPReassembler, _ packet: [UInt8], time: Int64 = 0) -> [UInt8]? {
        packet.withUnsafeBytes { reassembler.add(ipPacket: $0, time: time) }
    }

    @Test("malformed.pcap: the 3-fragment datagram reassembles to one valid UDP datagram")
    func capturedFragments() throws {
        let frames = try PcapCaptures.frames("malformed.pcap")
        var reassembler = IPReassembler()
        var datagrams: [[UInt8]] = []
        for frame in frames {
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            guard packet.fragment != nil else {
                continue
            }
            if let datagram = Self.add(&reassembler, try Self.ipPacket(frame), time: frame.timestampMicros) {
                datagrams.append(datagram)
            }
        }
        #expect(datagrams.count == 1)
        #expect(reassembler.pendingCount == 0)
        let datagram = try #require(datagrams.first)
        #expect(datagram.count == 20 + 3_008)
        #expect(TestFrames.internetChecksum(Array(datagram[0..<20])) == 0)
        let packet = try TestFrames.decode(datagram, .ipv4).get()
        #expect(packet.fragment == nil)
        #expect(packet.source == IPAddress("203.0.113.150") && packet.destination == IPAddress("198.51.100.150"))
        #expect(packet.sourcePort == 53 && packet.destinationPort == 45_001)
        #expect(packet.payloadLength == 3_000)
        #expect(Self.udpChecksumIsValid(datagram))
    }

    @Test("fragments in any order give the same datagram", arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]])
    func anyOrder(order: [Int]) throws {
        let (fragments, udp) = Self.fragments()
        var reassembler = IPReassembler()
        var result: [UInt8]? = nil
        for (position, index) in order.enumerated() {
            result = Self.add(&reassembler, fragments[index], time: Int64(position))
            #expect((result == nil) == (position < 2))
        }
        let datagram = try #require(result)
        #expect(Array(datagram[20...]) == udp)
        #expect(datagram[6] == 0 && datagram[7] == 0)
        #expect(TestFrames.internetChecksum(Array(datagram[0..<20])) == 0)
        #expect(reassembler.pendingCount == 0)
    }

    @Test("an unchanged duplicate is ignored, an overlap with other bytes drops the datagram")
    func duplicatesAndOverlaps() {
        let (fragments, _) = Self.fragments()
        var reassembler = IPReassembler()
        #expect(Self.add(&reassembler, fragments[0]) == nil)
        #expect(Self.add(&reassembler, fragments[0]) == nil)
        #expect(reassembler.pendingCount == 1)
        #expect(Self.add(&reassembler, fragments[1]) == nil)
        #expect(Self.add(&reassembler, fragments[2]) != nil)

        var overlapping = IPReassembler()
        var changed = fragments[1]
        changed[20] ^= 0xFF
        #expect(Self.add(&overlapping, fragments[0]) == nil)
        #expect(Self.add(&overlapping, fragments[1]) == nil)
        #expect(Self.add(&overlapping, changed) == nil)
        #expect(overlapping.pendingCount == 0)
        #expect(Self.add(&overlapping, fragments[2]) == nil)
    }

    @Test("inconsistent last fragments and data past the end invalidate the datagram")
    func inconsistentEnd() {
        let (fragments, _) = Self.fragments()
        var reassembler = IPReassembler()
        #expect(Self.add(&reassembler, fragments[2]) == nil)
        let early = TestFrames.ipv4(
            source: 0xC000_0202,
            destination: 0xC000_020A,
            protocol: 17,
            payload: [UInt8](repeating: 0, count: 8),
            identifier: 7,
            flagsAndOffset: 1
        )
        #expect(Self.add(&reassembler, early) == nil)
        #expect(reassembler.pendingCount == 0)
        let tooLarge = TestFrames.ipv4(
            source: 1,
            destination: 2,
            protocol: 17,
            payload: [UInt8](repeating: 0, count: 64),
            flagsAndOffset: 0x1FFF
        )
        #expect(Self.add(&reassembler, tooLarge) == nil)
        #expect(reassembler.pendingCount == 0)
    }

    @Test("bounded by count (oldest evicted) and by time")
    func bounds() {
        var reassembler = IPReassembler(maxDatagrams: 4, timeoutMicros: 1_000)
        for identifier in 0..<6 {
            let (fragments, _) = Self.fragments(identifier: UInt16(identifier))
            #expect(Self.add(&reassembler, fragments[0], time: Int64(identifier)) == nil)
        }
        #expect(reassembler.pendingCount == 4)
        let (oldest, _) = Self.fragments(identifier: 0)
        #expect(Self.add(&reassembler, oldest[1], time: 10) == nil)
        #expect(Self.add(&reassembler, oldest[2], time: 10) == nil)
        let (newest, _) = Self.fragments(identifier: 5)
        #expect(Self.add(&reassembler, newest[1], time: 11) == nil)
        #expect(Self.add(&reassembler, newest[2], time: 12) != nil)
        #expect(Self.add(&reassembler, newest[0], time: 2_000) == nil)
        #expect(reassembler.pendingCount == 1)
    }

    @Test("non-fragments come back whole; garbage gives nil")
    func nonFragmentsAndGarbage() {
        var reassembler = IPReassembler()
        let whole = PacketDecoderFrameTests.udpIPv4
        #expect(Self.add(&reassembler, whole + [0, 0, 0]) == whole)
        #expect(Self.add(&reassembler, []) == nil)
        #expect(Self.add(&reassembler, Array(whole[0..<30])) == nil)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<5_000 {
            var packet = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            if packet.count >= 20 {
                packet[0] = 0x45
                packet[2] = 0
                packet[3] = UInt8(packet.count)
            }
            _ = Self.add(&reassembler, packet)
        }
        #expect(reassembler.pendingCount <= 1_024)
    }

    /// Checks the UDP checksum of an IPv4 datagram over the pseudo-header, header and data.
    static func udpChecksumIsValid(_ datagram: [UInt8]) -> Bool {
        let headerLength = Int(datagram[0] & 0x0F) * 4
        let udp = Array(datagram[headerLength...])
        let pseudoHeader = Array(datagram[12..<20]) + [0, 17] + TestFrames.bigEndian(UInt16(udp.count))
        return TestFrames.internetChecksum(pseudoHeader + udp) == 0
    }
}
