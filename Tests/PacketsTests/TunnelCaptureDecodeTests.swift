import Foundation
import Packets
import TestSupport
import Testing

@Suite("PacketDecoder on tunnels.pcap")
struct TunnelCaptureDecodeTests {
    /// The target's addresses in tunnels.json: 198.51.100.64 and 2001:db8:64:1::/64.
    static func isTarget(_ address: IPAddress) -> Bool {
        address == IPAddress("198.51.100.64") || address.masked(toPrefixLength: 64) == IPAddress("2001:db8:64:1::")
    }

    /// tunnels.json's `cc_by_encapsulation` counts, in the order of its categories.
    static func expectedCounts() throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("tunnels.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require((json["expected"] as? [String: Any])?["SHR-TUN-1"] as? [String: Any])
        let categories = try #require(expected["cc_by_encapsulation"] as? [String: [String: Any]])
        return categories.compactMapValues { $0["count"] as? Int }
    }

    /// The JSON's category of a decoded target frame.
    static func category(_ packet: DecodedPacket) -> String {
        if packet.fragment != nil { return "IPv6 fragments (plain Ethernet)" }
        switch packet.encapsulations {
        case []: return "plain Ethernet (IPv4 and unfragmented IPv6)"
        case .vxlan: return "VXLAN udp/4789, VNI 6400, untagged inner Ethernet"
        case .erspanTypeII: return "ERSPAN type II (GRE 0x88be, session 100; IPv6 inside)"
        case .erspanTypeIII: return "ERSPAN type III (GRE 0x22eb, session 200, no optional subheader)"
        case .gre: return "GRE"
        default: return "unexpected"
        }
    }

    @Test("every frame decodes to its innermost packet; target frames per encapsulation as tunnels.json counts")
    func targetFramesByEncapsulation() throws {
        let frames = try PcapCaptures.frames("tunnels.pcap")
        #expect(frames.count == 90)
        var counts: [String: Int] = [:]
        var byKind: [String: Int] = [:]
        var fromTarget = 0
        var toTarget = 0
        for (index, frame) in frames.enumerated() {
            let number = index + 1
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            #expect(packet.ipOffset + packet.ipLength <= frame.bytes.count, "frame \(number)")
            #expect(frame.bytes[packet.ipOffset] >> 4 == packet.ipVersion, "frame \(number)")
            #expect(packet.encapsulations.isEmpty == (packet.ipOffset == 14), "frame \(number)")
            for (kind, name) in Encapsulations.named where packet.encapsulations.contains(kind) {
                byKind[name, default: 0] += 1
            }
            guard number > 3, number < 81, Self.isTarget(packet.source) || Self.isTarget(packet.destination) else {
                continue
            }
            counts[Self.category(packet), default: 0] += 1
            if Self.isTarget(packet.source) { fromTarget += 1 } else { toTarget += 1 }
        }
        var expected = try Self.expectedCounts()
        let gre = expected.filter { $0.key.hasPrefix("GRE") }
        expected = expected.filter { !$0.key.hasPrefix("GRE") }
        expected["GRE"] = gre.values.reduce(0, +)
        #expect(gre.count == 3)
        #expect(counts == expected)
        #expect(fromTarget == 31 && toTarget == 26)
        #expect(byKind == ["vxlan": 16, "gre": 24, "erspan_ii": 12, "erspan_iii": 6])
    }

    @Test("IPv6 fragment headers: 32-bit identification, offset, M; the first fragment gives ports")
    func ipv6Fragments() throws {
        let frames = try PcapCaptures.frames("tunnels.pcap")
        let first = try TestFrames.decode(frames[58].bytes, .ethernet).get()
        #expect(first.fragment == IPFragment(identifier: 0x0D0C_0001, offset: 0, moreFragments: true))
        #expect(first.transportProtocol == 17 && first.sourcePort != 0 && first.destinationPort == 1813)
        let last = try TestFrames.decode(frames[59].bytes, .ethernet).get()
        #expect(last.fragment == IPFragment(identifier: 0x0D0C_0001, offset: 1232, moreFragments: false))
        #expect(last.transportProtocol == 17 && last.sourcePort == 0 && last.destinationPort == 0)
        #expect(last.payloadOffset == 14 + 40 + 8)
        let fragments = try frames.filter { try TestFrames.decode($0.bytes, .ethernet).get().fragment != nil }
        #expect(fragments.count == 2 + 3 + 3 + 2 + 2 + 2)
    }
}
