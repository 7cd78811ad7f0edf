import Packets
import TestSupport
import Testing

@Suite("PacketDecoder on truncated and random input")
struct PacketDecoderRobustnessTests {
    /// Valid frames of every kind the decoder follows, with their link type.
    static var validFrames: [(String, [UInt8], LinkType)] {
        let ipv4 = PacketDecoderFrameTests.udpIPv4
        let ipv6 = PacketDecoderFrameTests.udpIPv6
        let tcp = TestFrames.ipv4(
            source: 1,
            destination: 2,
            protocol: 6,
            payload: TestFrames.tcp(
                sourcePort: 80,
                destinationPort: 9_999,
                options: [1, 1, 1, 1],
                payload: [1, 2, 3]
            ),
            options: [1, 1, 1, 1]
        )
        let pppoe: [UInt8] = [0x11, 0, 0, 1] + TestFrames.bigEndian(UInt16(ipv4.count + 2)) + [0, 0x21] + ipv4
        return [
            ("ethernet-ipv4-udp", TestFrames.ethernet(etherType: 0x0800, payload: ipv4), .ethernet),
            ("ethernet-ipv4-tcp", TestFrames.ethernet(etherType: 0x0800, payload: tcp), .ethernet),
            (
                "qinq-ipv6", TestFrames.ethernet(etherType: 0x86DD, tags: [(0x88A8, 1), (0x8100, 2)], payload: ipv6),
                .ethernet
            ),
            ("mpls-2", TestFrames.ethernet(etherType: 0x8847, payload: TestFrames.mpls([1, 2]) + ipv4), .ethernet),
            ("pppoe", TestFrames.ethernet(etherType: 0x8864, payload: pppoe), .ethernet),
            ("sll", [0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x08, 0x00] + ipv4, .linuxSLL),
            ("sll2", [0x86, 0xDD, 0, 0, 0, 0, 0, 2, 0, 1, 4, 6, 2, 0, 0, 0, 0, 1, 0, 0] + ipv6, .linuxSLL2),
            ("raw-ipv6-extension-headers", PacketDecoderFrameTests.extensionHeadersIPv6, .rawIP),
        ]
    }

    @Test("every prefix of a valid frame is truncated or decodes", arguments: 0..<8)
    func prefixes(index: Int) throws {
        let (name, frame, linkType) = Self.validFrames[index]
        let full = try TestFrames.decode(frame, linkType).get()
        for length in 0..<frame.count {
            let result = TestFrames.decode(Array(frame[0..<length]), linkType)
            if length < full.payloadOffset {
                #expect(result == .failure(.truncated), "\(name) cut at \(length)")
            } else {
                let packet = try result.get()
                #expect(packet.payloadOffset == full.payloadOffset, "\(name) cut at \(length)")
                #expect(packet.payloadLength == length - full.payloadOffset, "\(name) cut at \(length)")
                #expect(packet.sourcePort == full.sourcePort && packet.destination == full.destination)
            }
        }
    }

    @Test("random bytes never trap and decoded offsets stay inside the frame")
    func randomBytes() {
        var generator = SeededGenerator(seed: 0x5EED)
        let linkTypes: [LinkType] = [.ethernet, .linuxSLL, .linuxSLL2, .rawIP, .ipv4, .ipv6]
        var decoded = 0
        for round in 0..<10_000 {
            let length = Int.random(in: 0...160, using: &generator)
            var frame = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let linkType = linkTypes[round % linkTypes.count]
            if frame.count > 20 && round % 3 == 0 {
                Self.plantPlausibleHeaders(&frame, linkType: linkType, generator: &generator)
            }
            if case .success(let packet) = TestFrames.decode(frame, linkType) {
                decoded += 1
                #expect(Self.isInside(packet, frameLength: frame.count))
            }
        }
        #expect(decoded > 100)
    }

    @Test("valid frames with random bytes flipped never trap")
    func mutatedFrames() {
        var generator = SeededGenerator(seed: 42)
        for round in 0..<10_000 {
            let (_, original, linkType) = Self.validFrames[round % 8]
            var frame = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                frame[Int.random(in: 0..<frame.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            frame.removeLast(Int.random(in: 0...min(8, frame.count), using: &generator))
            if case .success(let packet) = TestFrames.decode(frame, linkType) {
                #expect(Self.isInside(packet, frameLength: frame.count))
            }
        }
    }

    /// Puts an IP version nibble and a known ethertype where the link layer expects them, so random frames reach
    /// the IP and transport decoders more often.
    private static func plantPlausibleHeaders(
        _ frame: inout [UInt8],
        linkType: LinkType,
        generator: inout SeededGenerator
    ) {
        let etherTypes: [UInt16] = [0x0800, 0x86DD, 0x8100, 0x88A8, 0x8847, 0x8864]
        let etherType = etherTypes[Int.random(in: 0..<etherTypes.count, using: &generator)]
        switch linkType {
        case .ethernet where frame.count > 14:
            frame[12] = UInt8(etherType >> 8)
            frame[13] = UInt8(truncatingIfNeeded: etherType)
            frame[14] = Bool.random(using: &generator) ? 0x45 : 0x60
        case .rawIP, .ipv4:
            frame[0] = 0x45
            frame[9] = Bool.random(using: &generator) ? 6 : 17
        case .ipv6:
            frame[0] = 0x60
        default:
            break
        }
    }

    private static func isInside(_ packet: DecodedPacket, frameLength: Int) -> Bool {
        packet.ipOffset >= 0 && packet.ipLength >= 0 && packet.ipOffset + packet.ipLength <= frameLength
            && packet.transportOffset <= packet.payloadOffset && packet.payloadLength >= 0
            && packet.payloadOffset + packet.payloadLength <= packet.ipOffset + packet.ipLength
    }
}
