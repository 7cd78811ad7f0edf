import Packets
import Testing

@Suite("PacketDecoder on hand-built frames")
struct PacketDecoderFrameTests {
    static let client: UInt32 = 0xC633_644D
    static let server: UInt32 = 0xCB00_7196
    static let clientV6 = IPAddress.v6(high: 0x2001_0DB8_0000_0000, low: 0x77)
    static let serverV6 = IPAddress.v6(high: 0x2001_0DB8_FFFF_0000, low: 1)
    static let data: [UInt8] = Array("hello, interception".utf8)

    static var udpIPv4: [UInt8] {
        TestFrames.ipv4(
            source: client,
            destination: server,
            protocol: 17,
            payload: TestFrames.udp(sourcePort: 40_000, destinationPort: 53, payload: data)
        )
    }

    static var udpIPv6: [UInt8] {
        TestFrames.ipv6(
            source: clientV6,
            destination: serverV6,
            nextHeader: 17,
            payload: TestFrames.udp(sourcePort: 40_000, destinationPort: 53, payload: data)
        )
    }

    /// Hop-by-hop (8 bytes, padding option) + fragment (offset 0, M set) + UDP.
    static var extensionHeadersIPv6: [UInt8] {
        let hopByHop: [UInt8] = [44, 0, 1, 4, 0, 0, 0, 0]
        let fragment: [UInt8] = [17, 0, 0x00, 0x01, 0xDE, 0xAD, 0xBE, 0xEF]
        return TestFrames.ipv6(
            source: clientV6,
            destination: serverV6,
            nextHeader: 0,
            payload: hopByHop + fragment + TestFrames.udp(sourcePort: 5_060, destinationPort: 5_061, payload: data)
        )
    }

    @Test("Ethernet IPv4 UDP: every field")
    func ethernetIPv4UDP() throws {
        let frame = TestFrames.ethernet(etherType: 0x0800, payload: Self.udpIPv4)
        let packet = try TestFrames.decode(frame, .ethernet).get()
        #expect(
            packet
                == DecodedPacket(
                    ipOffset: 14,
                    ipLength: 20 + 8 + Self.data.count,
                    ipVersion: 4,
                    source: .v4(Self.client),
                    destination: .v4(Self.server),
                    transportProtocol: 17,
                    transportOffset: 34,
                    sourcePort: 40_000,
                    destinationPort: 53,
                    payloadOffset: 42,
                    payloadLength: Self.data.count,
                    fragment: nil
                )
        )
    }

    @Test("IPv4 options and TCP options are skipped; Ethernet padding is not payload")
    func optionsAndPadding() throws {
        let tcp = TestFrames.tcp(sourcePort: 25, destinationPort: 48_825, options: [2, 4, 5, 0xB4], payload: [])
        let ip = TestFrames.ipv4(
            source: Self.server,
            destination: Self.client,
            protocol: 6,
            payload: tcp,
            options: [1, 1, 1, 0]
        )
        let frame = TestFrames.ethernet(etherType: 0x0800, payload: ip) + [UInt8](repeating: 0, count: 6)
        let packet = try TestFrames.decode(frame, .ethernet).get()
        #expect(packet.ipLength == 48)
        #expect(packet.transportOffset == 14 + 24)
        #expect(packet.sourcePort == 25 && packet.destinationPort == 48_825)
        #expect(packet.payloadOffset == 14 + 48)
        #expect(packet.payloadLength == 0)
    }

    @Test("Linux cooked capture v1 and v2")
    func linuxCooked() throws {
        let sll: [UInt8] = [0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x08, 0x00] + Self.udpIPv4
        let v4 = try TestFrames.decode(sll, .linuxSLL).get()
        #expect(v4.ipOffset == 16 && v4.destinationPort == 53 && v4.source == .v4(Self.client))
        let sll2: [UInt8] = [0x86, 0xDD, 0, 0, 0, 0, 0, 2, 0, 1, 4, 6, 2, 0, 0, 0, 0, 1, 0, 0] + Self.udpIPv6
        let v6 = try TestFrames.decode(sll2, .linuxSLL2).get()
        #expect(v6.ipOffset == 20 && v6.ipVersion == 6 && v6.source == Self.clientV6 && v6.sourcePort == 40_000)
        let arp: [UInt8] = [0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x08, 0x06] + [UInt8](repeating: 0, count: 28)
        #expect(TestFrames.decode(arp, .linuxSLL) == .failure(.notIP))
        #expect(LinkType(dlt: 113) == .linuxSLL && LinkType(dlt: 276) == .linuxSLL2 && LinkType(dlt: 147) == nil)
    }

    @Test("raw IP link types", arguments: [(Int32(12), true), (14, true), (101, true), (228, true), (229, false)])
    func rawIP(dlt: Int32, isIPv4: Bool) throws {
        let linkType = try #require(LinkType(dlt: dlt))
        let packet = try TestFrames.decode(isIPv4 ? Self.udpIPv4 : Self.udpIPv6, linkType).get()
        #expect(packet.ipOffset == 0)
        #expect(packet.ipVersion == (isIPv4 ? 4 : 6))
        #expect(packet.payloadLength == Self.data.count)
        if dlt == 101 {
            #expect(try TestFrames.decode(Self.udpIPv6, linkType).get().ipVersion == 6)
            #expect(TestFrames.decode([0x50] + Self.udpIPv4.dropFirst(), linkType) == .failure(.badIPHeader))
        }
    }

    @Test("PPPoE session with IPv4, IPv6, a compressed protocol field, and LCP")
    func pppoe() throws {
        func session(_ protocolField: [UInt8], _ ip: [UInt8], tags: [(UInt16, UInt16)] = []) -> [UInt8] {
            let header: [UInt8] =
                [0x11, 0x00, 0x12, 0x34] + TestFrames.bigEndian(UInt16(protocolField.count + ip.count))
            return TestFrames.ethernet(etherType: 0x8864, tags: tags, payload: header + protocolField + ip)
        }
        let v4 = try TestFrames.decode(session([0x00, 0x21], Self.udpIPv4), .ethernet).get()
        #expect(v4.ipOffset == 22 && v4.source == .v4(Self.client) && v4.destinationPort == 53)
        let v6 = try TestFrames.decode(session([0x00, 0x57], Self.udpIPv6), .ethernet).get()
        #expect(v6.ipOffset == 22 && v6.ipVersion == 6)
        let compressed = try TestFrames.decode(session([0x21], Self.udpIPv4), .ethernet).get()
        #expect(compressed.ipOffset == 21)
        let tagged = try TestFrames.decode(session([0x00, 0x21], Self.udpIPv4, tags: [(0x8100, 10)]), .ethernet).get()
        #expect(tagged.ipOffset == 26)
        #expect(TestFrames.decode(session([0xC0, 0x21], [1, 1, 0, 4]), .ethernet) == .failure(.notIP))
        let discovery = TestFrames.ethernet(etherType: 0x8863, payload: [0x11, 0x09, 0, 0, 0, 0])
        #expect(TestFrames.decode(discovery, .ethernet) == .failure(.notIP))
    }

    @Test("VLAN tags: 802.1Q, QinQ with 0x88a8 and with 0x9100", arguments: [UInt16(0x8100), 0x88A8, 0x9100])
    func vlanTags(outer: UInt16) throws {
        let single = TestFrames.ethernet(etherType: 0x0800, tags: [(outer, 200)], payload: Self.udpIPv4)
        #expect(try TestFrames.decode(single, .ethernet).get().ipOffset == 18)
        let double = TestFrames.ethernet(etherType: 0x86DD, tags: [(outer, 200), (0x8100, 100)], payload: Self.udpIPv6)
        let packet = try TestFrames.decode(double, .ethernet).get()
        #expect(packet.ipOffset == 22 && packet.ipVersion == 6 && packet.destination == Self.serverV6)
    }

    @Test("MPLS stacks of 1 to 3 labels, IP version sniffed", arguments: [1, 2, 3])
    func mpls(depth: Int) throws {
        let labels = Array(UInt32(16_001)..<UInt32(16_001 + depth))
        let v4 = TestFrames.ethernet(etherType: 0x8847, payload: TestFrames.mpls(labels) + Self.udpIPv4)
        #expect(try TestFrames.decode(v4, .ethernet).get().ipOffset == 14 + 4 * depth)
        let v6 = TestFrames.ethernet(etherType: 0x8848, payload: TestFrames.mpls(labels) + Self.udpIPv6)
        #expect(try TestFrames.decode(v6, .ethernet).get().ipVersion == 6)
        let pseudowire = TestFrames.ethernet(etherType: 0x8847, payload: TestFrames.mpls(labels) + [0, 0, 0, 0])
        #expect(TestFrames.decode(pseudowire, .ethernet) == .failure(.notIP))
    }

    @Test("IPv6 hop-by-hop + first fragment + UDP gives ports; a later fragment does not")
    func ipv6ExtensionHeaders() throws {
        let frame = TestFrames.ethernet(etherType: 0x86DD, payload: Self.extensionHeadersIPv6)
        let packet = try TestFrames.decode(frame, .ethernet).get()
        #expect(packet.transportProtocol == 17)
        #expect(packet.transportOffset == 14 + 40 + 16)
        #expect(packet.sourcePort == 5_060 && packet.destinationPort == 5_061)
        #expect(packet.payloadOffset == 14 + 40 + 16 + 8 && packet.payloadLength == Self.data.count)
        #expect(packet.fragment == IPFragment(identifier: 0xDEAD_BEEF, offset: 0, moreFragments: true))

        var later = frame
        later[14 + 40 + 8 + 2] = 0x00
        later[14 + 40 + 8 + 3] = 0xB8
        let fragment = try TestFrames.decode(later, .ethernet).get()
        #expect(fragment.transportProtocol == 17)
        #expect(fragment.sourcePort == 0 && fragment.destinationPort == 0)
        #expect(fragment.payloadOffset == 14 + 40 + 16)
        #expect(fragment.payloadLength == 8 + Self.data.count)
        #expect(fragment.fragment == IPFragment(identifier: 0xDEAD_BEEF, offset: 0xB8, moreFragments: false))
    }

    @Test("IPv6 routing, destination options and AH are walked; ESP and no-next-header stop")
    func ipv6MoreExtensionHeaders() throws {
        let routing: [UInt8] = [60, 2, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 16)
        let destination: [UInt8] = [51, 0, 1, 4, 0, 0, 0, 0]
        let authentication: [UInt8] = [6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] + [UInt8](repeating: 0xAA, count: 12)
        let tcp = TestFrames.tcp(sourcePort: 443, destinationPort: 50_000, payload: Self.data)
        let ip = TestFrames.ipv6(
            source: Self.serverV6,
            destination: Self.clientV6,
            nextHeader: 43,
            payload: routing + destination + authentication + tcp
        )
        let packet = try TestFrames.decode(ip, .ipv6).get()
        #expect(packet.transportProtocol == 6)
        #expect(packet.transportOffset == 40 + 24 + 8 + 24)
        #expect(packet.sourcePort == 443 && packet.payloadLength == Self.data.count)

        let esp = TestFrames.ipv6(source: Self.clientV6, destination: Self.serverV6, nextHeader: 50, payload: Self.data)
        let espPacket = try TestFrames.decode(esp, .ipv6).get()
        #expect(espPacket.transportProtocol == 50 && espPacket.sourcePort == 0 && espPacket.payloadOffset == 40)
        let none = TestFrames.ipv6(source: Self.clientV6, destination: Self.serverV6, nextHeader: 59, payload: [])
        let nonePacket = try TestFrames.decode(none, .ipv6).get()
        #expect(nonePacket.transportProtocol == 59 && nonePacket.payloadLength == 0 && nonePacket.payloadOffset == 40)
    }

    @Test("IPv4 fragments: the first gives ports, later ones do not")
    func ipv4Fragments() throws {
        let udp = TestFrames.udp(sourcePort: 1_812, destinationPort: 50_000, payload: [UInt8](repeating: 7, count: 32))
        let first = TestFrames.ipv4(
            source: Self.client,
            destination: Self.server,
            protocol: 17,
            payload: Array(udp[0..<24]),
            identifier: 99,
            flagsAndOffset: 0x2000
        )
        let firstPacket = try TestFrames.decode(first, .ipv4).get()
        #expect(firstPacket.fragment == IPFragment(identifier: 99, offset: 0, moreFragments: true))
        #expect(firstPacket.sourcePort == 1_812 && firstPacket.payloadLength == 16)
        let last = TestFrames.ipv4(
            source: Self.client,
            destination: Self.server,
            protocol: 17,
            payload: Array(udp[24...]),
            identifier: 99,
            flagsAndOffset: 3
        )
        let lastPacket = try TestFrames.decode(last, .ipv4).get()
        #expect(lastPacket.fragment == IPFragment(identifier: 99, offset: 24, moreFragments: false))
        #expect(lastPacket.sourcePort == 0 && lastPacket.destinationPort == 0)
        #expect(lastPacket.payloadOffset == 20 && lastPacket.payloadLength == 16)
    }

    @Test("bad headers are reported by cause")
    func badHeaders() {
        func withByte(_ frame: [UInt8], _ index: Int, _ value: UInt8) -> [UInt8] {
            var copy = frame
            copy[index] = value
            return copy
        }
        let ip = Self.udpIPv4
        #expect(TestFrames.decode(withByte(ip, 0, 0x44), .ipv4) == .failure(.badIPHeader))
        #expect(TestFrames.decode(withByte(ip, 0, 0x65), .ipv4) == .failure(.badIPHeader))
        #expect(TestFrames.decode(withByte(withByte(ip, 2, 0), 3, 19), .ipv4) == .failure(.badIPHeader))
        #expect(TestFrames.decode(withByte(ip, 0, 0x4F), .ipv4) == .failure(.badIPHeader))
        #expect(TestFrames.decode(withByte(withByte(ip, 0, 0x4F), 3, 100), .ipv4) == .failure(.truncated))
        #expect(TestFrames.decode(withByte(ip, 25, 7), .ipv4) == .failure(.badTransportHeader))
        #expect(TestFrames.decode(withByte(withByte(ip, 3, 24), 9, 17), .ipv4) == .failure(.badTransportHeader))
        let tcp = TestFrames.ipv4(
            source: Self.client,
            destination: Self.server,
            protocol: 6,
            payload: TestFrames.tcp(sourcePort: 1, destinationPort: 2, payload: Self.data)
        )
        #expect(TestFrames.decode(withByte(tcp, 32, 0x40), .ipv4) == .failure(.badTransportHeader))
        #expect(TestFrames.decode(withByte(tcp, 32, 0xF0), .ipv4) == .failure(.badTransportHeader))
        #expect(TestFrames.decode(withByte(Self.udpIPv6, 0, 0x40), .ipv6) == .failure(.badIPHeader))
        let shortPayload = withByte(withByte(Self.extensionHeadersIPv6, 4, 0), 5, 12)
        #expect(TestFrames.decode(shortPayload, .ipv6) == .failure(.badIPHeader))
        let arp = TestFrames.ethernet(etherType: 0x0806, payload: [UInt8](repeating: 0, count: 28))
        #expect(TestFrames.decode(arp, .ethernet) == .failure(.notIP))
        #expect(TestFrames.decode([], .ethernet) == .failure(.truncated))
        #expect(TestFrames.decode([], .rawIP) == .failure(.truncated))
    }

    @Test("UDP length beyond the capture is cut to what was captured")
    func udpLengthBeyondCapture() throws {
        var ip = Self.udpIPv4
        ip[24] = 0x10
        ip[25] = 0x00
        let packet = try TestFrames.decode(ip, .ipv4).get()
        #expect(packet.payloadLength == Self.data.count)
    }

    @Test("PacketError descriptions are stable words")
    func errorDescriptions() {
        #expect(
            [PacketError.truncated, .notIP, .badIPHeader, .badTransportHeader].map(\.description)
                == ["truncated", "not_ip", "bad_ip_header", "bad_transport_header"]
        )
    }
}
