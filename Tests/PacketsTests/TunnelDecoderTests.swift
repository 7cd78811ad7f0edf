import Packets
import TestSupport
import Testing

@Suite("PacketDecoder: tunnels built byte by byte")
struct TunnelDecoderTests {
    static let inner = TestFrames.innerIPv4

    /// Expects `frame` to decode to ``TestFrames/innerIPv4`` found inside `kinds`.
    static func expectInner(
        _ frame: [UInt8],
        _ kinds: Encapsulations,
        settings: DecapsulationSettings = .standard
    )
        throws
    {
        let packet = try TestFrames.decode(frame, settings: settings).get()
        #expect(packet.encapsulations == kinds)
        #expect(Array(frame[packet.ipOffset..<(packet.ipOffset + packet.ipLength)]) == inner)
        #expect(packet.source == IPAddress("198.51.100.64") && packet.destination == IPAddress("203.0.113.53"))
        #expect(packet.sourcePort == 5000 && packet.destinationPort == 53)
        #expect(Array(frame[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]) == [1, 2, 3, 4])
    }

    static func ethernetIPv4(_ ip: [UInt8]) -> [UInt8] {
        TestFrames.ethernet(etherType: 0x0800, payload: ip)
    }

    @Test("VXLAN: untagged, 802.1Q, QinQ and MPLS inside; another port only when configured")
    func vxlan() throws {
        let tagged = TestFrames.ethernet(etherType: 0x0800, tags: [(0x8100, 100)], payload: Self.inner)
        let qinq = TestFrames.ethernet(etherType: 0x0800, tags: [(0x88A8, 10), (0x8100, 20)], payload: Self.inner)
        let mpls = TestFrames.ethernet(etherType: 0x8847, payload: TestFrames.mpls([16, 17]) + Self.inner)
        for inner in [TestFrames.innerEthernet, tagged, qinq, mpls] {
            try Self.expectInner(Self.ethernetIPv4(TestFrames.udpIPv4(payload: TestFrames.vxlan(inner: inner))), .vxlan)
        }
        let otherPort = Self.ethernetIPv4(
            TestFrames.udpIPv4(port: 8472, payload: TestFrames.vxlan(inner: TestFrames.innerEthernet))
        )
        #expect(try TestFrames.decode(otherPort, .ethernet).get().encapsulations == [])
        try Self.expectInner(otherPort, .vxlan, settings: DecapsulationSettings(vxlanPorts: [4789, 8472]))
        var settings = DecapsulationSettings()
        settings.vxlanPorts = [1, 2, 3, 4, 5, 6, 7, 8472]
        try Self.expectInner(otherPort, .vxlan, settings: settings)
        let none = DecapsulationSettings(vxlanPorts: [])
        for port: UInt16 in [4789, 0] {
            let frame = Self.ethernetIPv4(
                TestFrames.udpIPv4(port: port, payload: TestFrames.vxlan(inner: TestFrames.innerEthernet))
            )
            #expect(try TestFrames.decode(frame, settings: none).get().encapsulations == [])
        }
    }

    @Test("GRE: IPv4, IPv6 outer; checksum, key, sequence; Ethernet and MPLS inside; ERSPAN I, II, III")
    func gre() throws {
        for flags: UInt8 in [0, 0x20, 0x80, 0x10, 0xB0] {
            try Self.expectInner(
                Self.ethernetIPv4(
                    TestFrames.greIPv4(TestFrames.gre(flags: flags, protocolType: 0x0800, payload: Self.inner))
                ),
                .gre
            )
        }
        let overIPv6 = TestFrames.ipv6(
            source: try #require(IPAddress("2001:db8::1")),
            destination: try #require(IPAddress("2001:db8::2")),
            nextHeader: 47,
            payload: TestFrames.gre(flags: 0x20, protocolType: 0x6558, payload: TestFrames.innerEthernet)
        )
        try Self.expectInner(TestFrames.ethernet(etherType: 0x86DD, payload: overIPv6), .gre)
        let mpls = TestFrames.gre(protocolType: 0x8847, payload: TestFrames.mpls([100]) + Self.inner)
        try Self.expectInner(Self.ethernetIPv4(TestFrames.greIPv4(mpls)), .gre)
        let cases: [([UInt8], Encapsulations)] = [
            (TestFrames.gre(protocolType: 0x88BE, payload: TestFrames.innerEthernet), .erspanTypeI),
            (
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x88BE,
                    payload: TestFrames.erspanTypeII() + TestFrames.innerEthernet
                ),
                .erspanTypeII
            ),
            (
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x22EB,
                    payload: TestFrames.erspanTypeIII() + TestFrames.innerEthernet
                ),
                .erspanTypeIII
            ),
            (
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x22EB,
                    payload: TestFrames.erspanTypeIII(subheader: true) + TestFrames.innerEthernet
                ),
                .erspanTypeIII
            ),
            (
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x22EB,
                    payload: TestFrames.erspanTypeIII(frameType: 2) + Self.inner
                ),
                .erspanTypeIII
            ),
        ]
        for (gre, kind) in cases {
            try Self.expectInner(Self.ethernetIPv4(TestFrames.greIPv4(gre)), kind)
        }
    }

    @Test("nesting: GRE inside VXLAN, VXLAN inside GRE over IPv6; four deep decodes, five is tunnel_too_deep")
    func nesting() throws {
        let greInVXLAN = TestFrames.vxlan(
            inner: Self.ethernetIPv4(TestFrames.greIPv4(TestFrames.gre(protocolType: 0x0800, payload: Self.inner)))
        )
        try Self.expectInner(Self.ethernetIPv4(TestFrames.udpIPv4(payload: greInVXLAN)), [.vxlan, .gre])
        var ip = Self.inner
        for _ in 0..<4 {
            ip = TestFrames.greIPv4(TestFrames.gre(protocolType: 0x0800, payload: ip))
        }
        try Self.expectInner(Self.ethernetIPv4(ip), .gre)
        ip = TestFrames.greIPv4(TestFrames.gre(protocolType: 0x0800, payload: ip))
        #expect(TestFrames.decode(Self.ethernetIPv4(ip), .ethernet) == .failure(.tunnelTooDeep))
        #expect(PacketError.tunnelTooDeep.description == "tunnel_too_deep")
    }

    @Test("a fragment is not decapsulated: it is the outer packet")
    func outerFragment() throws {
        let gre = TestFrames.gre(protocolType: 0x0800, payload: Self.inner)
        let packet = try TestFrames.decode(
            Self.ethernetIPv4(TestFrames.greIPv4(gre, flagsAndOffset: 0x2000)),
            .ethernet
        )
        .get()
        #expect(packet.encapsulations == [] && packet.transportProtocol == 47 && packet.fragment != nil)
        let vxlan = TestFrames.udpIPv4(payload: TestFrames.vxlan(inner: TestFrames.innerEthernet))
        var first = vxlan
        first[6] = 0x20
        first[10] = 0
        first[11] = 0
        let checksum = TestFrames.internetChecksum(Array(first[0..<20]))
        first[10] = UInt8(checksum >> 8)
        first[11] = UInt8(truncatingIfNeeded: checksum)
        let firstPacket = try TestFrames.decode(Self.ethernetIPv4(first), .ethernet).get()
        #expect(firstPacket.encapsulations == [] && firstPacket.destinationPort == 4789)
    }

    @Test("bad tunnel headers: VXLAN without I, GRE routing/strict route/recursion/version, ERSPAN versions")
    func badHeaders() {
        let bad: [[UInt8]] = [
            TestFrames.udpIPv4(payload: TestFrames.vxlan(flags: 0, inner: TestFrames.innerEthernet)),
            TestFrames.greIPv4(TestFrames.gre(flags: 0x40, protocolType: 0x0800, payload: Self.inner)),
            TestFrames.greIPv4(TestFrames.gre(flags: 0x08, protocolType: 0x0800, payload: Self.inner)),
            TestFrames.greIPv4(TestFrames.gre(flags: 0x02, protocolType: 0x0800, payload: Self.inner)),
            TestFrames.greIPv4(TestFrames.gre(version: 1, protocolType: 0x0800, payload: Self.inner)),
            TestFrames.greIPv4(
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x88BE,
                    payload: TestFrames.erspanTypeII(version: 2) + TestFrames.innerEthernet
                )
            ),
            TestFrames.greIPv4(
                TestFrames.gre(
                    flags: 0x10,
                    protocolType: 0x22EB,
                    payload: TestFrames.erspanTypeIII(version: 1) + TestFrames.innerEthernet
                )
            ),
        ]
        for (index, ip) in bad.enumerated() {
            #expect(TestFrames.decode(Self.ethernetIPv4(ip), .ethernet) == .failure(.badTunnelHeader), "case \(index)")
        }
        #expect(PacketError.badTunnelHeader.description == "bad_tunnel_header")
        let unknownProtocol = TestFrames.greIPv4(TestFrames.gre(protocolType: 0x880B, payload: Self.inner))
        #expect(TestFrames.decode(Self.ethernetIPv4(unknownProtocol), .ethernet) == .failure(.notIP))
    }

    @Test("lengths that lie: a whole outer packet too short for its tunnel is malformed, a cut capture truncated")
    func lyingLengths() throws {
        let vxlan = TestFrames.udpIPv4(payload: TestFrames.vxlan(inner: TestFrames.innerEthernet))
        var shortUDP = vxlan
        shortUDP[24] = 0
        shortUDP[25] = 8 + 4
        #expect(TestFrames.decode(Self.ethernetIPv4(shortUDP), .ethernet) == .failure(.badTunnelHeader))
        var longUDP = vxlan
        longUDP[24] = 0xFF
        try Self.expectInner(Self.ethernetIPv4(longUDP), .vxlan)
        let cut = Array(Self.ethernetIPv4(vxlan)[0..<(14 + 20 + 8 + 8 + 20)])
        #expect(TestFrames.decode(cut, .ethernet) == .failure(.truncated))
        let gre = TestFrames.greIPv4(TestFrames.gre(flags: 0xB0, protocolType: 0x0800, payload: []))
        #expect(TestFrames.decode(Self.ethernetIPv4(Array(gre[0..<30])), .ethernet) == .failure(.truncated))
        #expect(TestFrames.decode(Self.ethernetIPv4(gre), .ethernet) == .failure(.badTunnelHeader))
        let cutGRE = Array(
            Self.ethernetIPv4(TestFrames.greIPv4(TestFrames.gre(protocolType: 0x0800, payload: Self.inner)))[0..<50]
        )
        #expect(TestFrames.decode(cutGRE, .ethernet) == .failure(.truncated))
    }

    @Test("random bytes inside VXLAN and GRE never trap and keep offsets inside the frame")
    func randomPayloads() {
        var generator = SeededGenerator(seed: 13)
        for iteration in 0..<20_000 {
            let garbage = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let ip =
                iteration % 2 == 0
                ? TestFrames.udpIPv4(payload: [0x08, 0, 0, 0, 0, 0, 0, 0] + garbage)
                : TestFrames.greIPv4(garbage)
            let frame = Self.ethernetIPv4(ip)
            guard case .success(let packet) = TestFrames.decode(frame, .ethernet) else { continue }
            #expect(packet.ipOffset + packet.ipLength <= frame.count)
            #expect(packet.payloadOffset + packet.payloadLength <= packet.ipOffset + packet.ipLength)
        }
    }
}
