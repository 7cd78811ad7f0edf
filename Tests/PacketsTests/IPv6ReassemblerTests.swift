import Packets
import TestSupport
import Testing

@Suite("IPReassembler: IPv6, RFC 5722, bounds")
struct IPv6ReassemblerTests {
    static let source = IPAddress("2001:db8:50::10") ?? .v4(0)
    static let destination = IPAddress("2001:db8:50::2") ?? .v4(0)

    /// An IPv6 fragment: fixed header (next header 44), fragment header (next header 17), then `data`.
    static func fragment(_ data: [UInt8], offset: Int, more: Bool, identifier: UInt32 = 0xAB_0001) -> [UInt8] {
        let offsetAndFlags = UInt16(offset) | (more ? 1 : 0)
        let header: [UInt8] = [17, 0] + TestFrames.bigEndian(offsetAndFlags) + TestFrames.bigEndian(identifier)
        return TestFrames.ipv6(source: source, destination: destination, nextHeader: 44, payload: header + data)
    }

    /// A UDP datagram to port 1813 with 100 bytes of payload, cut into 3 fragments (48 + 48 + 12 bytes).
    static func chain(identifier: UInt32 = 0xAB_0001) -> (fragments: [[UInt8]], udp: [UInt8]) {
        let udp = TestFrames.udp(sourcePort: 40_000, destinationPort: 1813, payload: (0..<100).map { UInt8($0) })
        let fragments = [(0, 48), (48, 96), (96, 108)].map { start, end in
            fragment(Array(udp[start..<end]), offset: start, more: end < udp.count, identifier: identifier)
        }
        return (fragments, udp)
    }

    static func add(_ reassembler: inout IPReassembler, _ packet: [UInt8], time: Int64 = 0) -> [UInt8]? {
        packet.withUnsafeBytes { reassembler.add(ipPacket: $0, time: time) }
    }

    @Test(
        "in and out of order: a fresh 40-byte header with the payload length and next header",
        arguments: [
            [0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1],
        ]
    )
    func anyOrder(order: [Int]) throws {
        let (fragments, udp) = Self.chain()
        var reassembler = IPReassembler()
        var results: [[UInt8]] = []
        for index in order {
            if let datagram = Self.add(&reassembler, fragments[index]) { results.append(datagram) }
        }
        let datagram = try #require(results.count == 1 ? results.first : nil)
        #expect(datagram.count == 40 + udp.count)
        #expect(Array(datagram[40...]) == udp)
        #expect(datagram[4] == 0 && datagram[5] == UInt8(udp.count) && datagram[6] == 17)
        let packet = try TestFrames.decode(datagram, .ipv6).get()
        #expect(packet.fragment == nil && packet.destinationPort == 1813 && packet.payloadLength == 100)
        #expect(reassembler.statistics.reassembled == 1 && reassembler.pendingCount == 0 && reassembler.heldBytes == 0)
    }

    @Test("tunnels.pcap: every fragmented datagram (RADIUS, ICMPv6, DNS; some out of order) is rebuilt")
    func capturedChains() throws {
        var reassembler = IPReassembler()
        var rebuilt: [DecodedPacket] = []
        for frame in try PcapCaptures.frames("tunnels.pcap") {
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            guard packet.fragment != nil else { continue }
            let ip = Array(frame.bytes[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
            if let datagram = Self.add(&reassembler, ip, time: frame.timestampMicros) {
                rebuilt.append(try TestFrames.decode(datagram, .ipv6).get())
            }
        }
        #expect(rebuilt.count == 6)
        #expect(rebuilt.allSatisfy { $0.fragment == nil })
        let radius = try #require(rebuilt.first)
        #expect(radius.destinationPort == 1813 && radius.payloadLength == 1844)
        var expected = ReassemblyStatistics()
        expected.reassembled = 6
        #expect(reassembler.statistics == expected)
    }

    @Test("duplicates, before and after completion, never give a second datagram")
    func duplicates() {
        let (fragments, _) = Self.chain()
        var reassembler = IPReassembler()
        var datagrams = 0
        for packet in [
            fragments[0], fragments[0], fragments[2], fragments[1], fragments[1], fragments[0], fragments[2],
        ]
        where Self.add(&reassembler, packet) != nil {
            datagrams += 1
        }
        #expect(datagrams == 1)
        #expect(reassembler.statistics.reassembled == 1 && reassembler.statistics.duplicates == 4)
    }

    @Test("an overlap refuses the datagram until its timeout, later fragments too; atomic fragments pass")
    func overlapPoisons() {
        let (fragments, _) = Self.chain()
        var reassembler = IPReassembler(timeoutMicros: 1_000)
        #expect(Self.add(&reassembler, fragments[0]) == nil)
        let overlapping = Self.fragment([UInt8](repeating: 9, count: 16), offset: 40, more: true)
        #expect(Self.add(&reassembler, overlapping) == nil)
        #expect(Self.add(&reassembler, fragments[1], time: 10) == nil)
        #expect(Self.add(&reassembler, fragments[2], time: 20) == nil)
        #expect(reassembler.statistics.overlapping == 3 && reassembler.heldBytes == 0)
        for (position, packet) in fragments.enumerated() {
            let whole = Self.add(&reassembler, packet, time: 2_000)
            #expect((whole != nil) == (position == 2))
        }
        let atomic = Self.fragment([1, 2, 3], offset: 0, more: false)
        #expect(Self.add(&reassembler, atomic, time: 3_000) == atomic)
    }

    @Test("10,000 overlapping fragments: no crash, nothing held, every one counted")
    func manyOverlaps() {
        var reassembler = IPReassembler()
        let (fragments, _) = Self.chain()
        #expect(Self.add(&reassembler, fragments[0]) == nil)
        for index in 0..<10_000 {
            let data = [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 8 + index % 64)
            #expect(Self.add(&reassembler, Self.fragment(data, offset: 8 * (index % 5), more: true), time: 1) == nil)
        }
        #expect(reassembler.statistics.overlapping == 10_000)
        #expect(reassembler.pendingCount == 0 && reassembler.heldBytes == 0)
        for identifier in 0..<UInt32(10_000) {
            let piece = Self.fragment([UInt8](repeating: 1, count: 16), offset: 0, more: true, identifier: identifier)
            let overlap = Self.fragment([UInt8](repeating: 2, count: 16), offset: 8, more: true, identifier: identifier)
            #expect(Self.add(&reassembler, piece, time: 2) == nil)
            #expect(Self.add(&reassembler, overlap, time: 2) == nil)
        }
        #expect(reassembler.statistics.overlapping == 20_000 && reassembler.heldBytes == 0)
    }

    @Test("chains that never complete: bounded bytes and count, evicted, then timed out")
    func neverComplete() {
        var reassembler = IPReassembler(maxDatagrams: 1024, maxBytes: 1 << 20, timeoutMicros: 1_000_000)
        let big = [UInt8](repeating: 7, count: 60_000)
        for identifier in 0..<UInt32(100) {
            #expect(Self.add(&reassembler, Self.fragment(big, offset: 0, more: true, identifier: identifier)) == nil)
            #expect(reassembler.heldBytes <= 1 << 20)
        }
        #expect(reassembler.statistics.evicted > 80)
        let small = [UInt8](repeating: 3, count: 8)
        for identifier in 1_000..<UInt32(4_000) {
            _ = Self.add(&reassembler, Self.fragment(small, offset: 8, more: true, identifier: identifier), time: 10)
        }
        #expect(reassembler.pendingCount == 1024 && reassembler.heldBytes <= 1 << 20)
        let evicted = reassembler.statistics.evicted
        _ = Self.add(&reassembler, Self.fragment(small, offset: 8, more: true, identifier: 9), time: 2_000_000)
        #expect(reassembler.statistics.timedOut == 1024 && reassembler.statistics.evicted == evicted)
        #expect(reassembler.pendingCount == 1)
    }
}
