import Packets

/// Tunnel headers built byte by byte for decoder tests.
extension TestFrames {
    /// An IPv4 UDP datagram carrying `payload` to `port` (4789: VXLAN), from 192.0.2.1 to 192.0.2.2.
    static func udpIPv4(port: UInt16 = 4789, payload: [UInt8]) -> [UInt8] {
        ipv4(
            source: 0xC000_0201,
            destination: 0xC000_0202,
            protocol: 17,
            payload: udp(sourcePort: 49_152, destinationPort: port, payload: payload)
        )
    }

    /// A VXLAN header (`flags` 0x08: the I flag) for VNI `vni`, then `inner` (an Ethernet frame).
    static func vxlan(flags: UInt8 = 0x08, vni: UInt32 = 6400, inner: [UInt8]) -> [UInt8] {
        [flags, 0, 0, 0] + bigEndian(vni << 8) + inner
    }

    /// A GRE header: `flags` (first byte: C 0x80, R 0x40, K 0x20, S 0x10, s 0x08, recursion 0x07), `version`,
    /// the protocol type and the optional fields the flags announce, then `payload`.
    static func gre(flags: UInt8 = 0, version: UInt8 = 0, protocolType: UInt16, payload: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [flags, version] + bigEndian(protocolType)
        if flags & 0x80 != 0 { header += [0xAB, 0xCD, 0, 0] }
        if flags & 0x20 != 0 { header += bigEndian(UInt32(0x6464)) }
        if flags & 0x10 != 0 { header += bigEndian(UInt32(7)) }
        return header + payload
    }

    /// An IPv4 GRE packet (protocol 47) from 192.0.2.102 to 192.0.2.103.
    static func greIPv4(_ gre: [UInt8], flagsAndOffset: UInt16 = 0) -> [UInt8] {
        ipv4(
            source: 0xC000_0266,
            destination: 0xC000_0267,
            protocol: 47,
            payload: gre,
            flagsAndOffset: flagsAndOffset
        )
    }

    /// An ERSPAN type II header (8 bytes) of `version` for session 100.
    static func erspanTypeII(version: UInt8 = 1) -> [UInt8] {
        [version << 4, 0, 0, 100, 0, 0, 0, 0]
    }

    /// An ERSPAN type III header (12 bytes) of `version` for session 200, frame type `frameType`, with the
    /// 8-byte platform-specific subheader when `subheader`.
    static func erspanTypeIII(version: UInt8 = 2, frameType: UInt8 = 0, subheader: Bool = false) -> [UInt8] {
        [version << 4, 0, 0, 200, 0x5A, 0x3C, 0x72, 0xB2, 0, 0, frameType << 2, 0x12 | (subheader ? 1 : 0)]
            + (subheader ? [UInt8](repeating: 0xEE, count: 8) : [])
    }

    /// The inner packet the tunnel tests carry: UDP from 198.51.100.64:5000 to 203.0.113.53:53.
    static let innerIPv4 = ipv4(
        source: 0xC633_6440,
        destination: 0xCB00_7135,
        protocol: 17,
        payload: udp(sourcePort: 5000, destinationPort: 53, payload: [1, 2, 3, 4])
    )

    /// ``innerIPv4`` in an Ethernet frame.
    static let innerEthernet = ethernet(etherType: 0x0800, payload: innerIPv4)

    /// Decodes `frame` (Ethernet) with `settings`, for `#expect` comparisons.
    static func decode(
        _ frame: [UInt8],
        settings: DecapsulationSettings
    ) -> Result<DecodedPacket, PacketError> {
        frame.withUnsafeBytes { buffer in
            Result { () throws(PacketError) -> DecodedPacket in
                try PacketDecoder.decode(buffer, linkType: .ethernet, decapsulation: settings)
            }
        }
    }
}
