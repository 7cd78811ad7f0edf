extension PacketDecoder {
    /// GRE protocol types the decoder follows beyond the ethertypes of ``decodeEtherType(_:etherType:at:context:)``.
    private enum GREProtocol {
        static let transparentEthernet: UInt16 = 0x6558
        static let erspanTypeIAndII: UInt16 = 0x88BE
        static let erspanTypeIII: UInt16 = 0x22EB
    }

    /// GRE flag bits (RFC 2784, RFC 2890; routing and strict source route from RFC 1701).
    private enum GREFlag {
        static let checksum: UInt8 = 0x80
        static let routing: UInt8 = 0x40
        static let key: UInt8 = 0x20
        static let sequence: UInt8 = 0x10
        static let strictSourceRoute: UInt8 = 0x08
        static let recursion: UInt8 = 0x07
    }

    /// The packet inside a VXLAN datagram (RFC 7348): an 8-byte header with the I flag set, then an Ethernet frame
    /// (VLAN tags, MPLS and PPPoE followed). `whole` says the outer IP packet is complete in the capture, so a tunnel
    /// payload too short for its headers is malformed rather than truncated.
    static func decodeVXLAN(
        _ frame: UnsafeRawBufferPointer,
        outer: DecodedPacket,
        whole: Bool,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        let inner = try context.inside()
        let start = outer.payloadOffset
        let tunnel = UnsafeRawBufferPointer(rebasing: frame[0..<(start + outer.payloadLength)])
        do throws(PacketError) {
            guard start + 8 <= tunnel.count else {
                throw .truncated
            }
            guard tunnel.readUInt8(at: start) & 0x08 != 0 else {
                throw .badTunnelHeader
            }
            var packet = try decodeEthernet(tunnel, at: start + 8, context: inner)
            packet.encapsulations.insert(.vxlan)
            return packet
        } catch {
            throw insideError(error, whole: whole)
        }
    }

    /// The packet inside GRE (RFC 2784 with RFC 2890's key and sequence number): IPv4, IPv6, MPLS, Ethernet
    /// (0x6558) or ERSPAN type I, II or III. Routing, strict source route, recursion bits and versions other than 0
    /// are refused.
    static func decodeGRE(
        _ frame: UnsafeRawBufferPointer,
        outer: DecodedPacket,
        whole: Bool,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        let inner = try context.inside()
        let start = outer.transportOffset
        let tunnel = UnsafeRawBufferPointer(rebasing: frame[0..<(outer.ipOffset + outer.ipLength)])
        do throws(PacketError) {
            guard start + 4 <= tunnel.count else {
                throw .truncated
            }
            let flags = tunnel.readUInt8(at: start)
            guard flags & (GREFlag.routing | GREFlag.strictSourceRoute | GREFlag.recursion) == 0,
                tunnel.readUInt8(at: start + 1) & 0x07 == 0
            else {
                throw .badTunnelHeader
            }
            let protocolType = tunnel.readUInt16(at: start + 2)
            let hasSequence = flags & GREFlag.sequence != 0
            var offset = start + 4
            if flags & GREFlag.checksum != 0 { offset += 4 }
            if flags & GREFlag.key != 0 { offset += 4 }
            if hasSequence { offset += 4 }
            guard offset <= tunnel.count else {
                throw .truncated
            }
            var packet: DecodedPacket
            switch protocolType {
            case GREProtocol.erspanTypeIAndII where hasSequence:
                packet = try decodeERSPANTypeII(tunnel, at: offset, context: inner)
                packet.encapsulations.insert(.erspanTypeII)
            case GREProtocol.erspanTypeIAndII:
                packet = try decodeEthernet(tunnel, at: offset, context: inner)
                packet.encapsulations.insert(.erspanTypeI)
            case GREProtocol.erspanTypeIII:
                packet = try decodeERSPANTypeIII(tunnel, at: offset, context: inner)
                packet.encapsulations.insert(.erspanTypeIII)
            case GREProtocol.transparentEthernet:
                packet = try decodeEthernet(tunnel, at: offset, context: inner)
                packet.encapsulations.insert(.gre)
            default:
                packet = try decodeEtherType(tunnel, etherType: protocolType, at: offset, context: inner)
                packet.encapsulations.insert(.gre)
            }
            return packet
        } catch {
            throw insideError(error, whole: whole)
        }
    }

    /// ERSPAN type II: an 8-byte header of version 1, then the mirrored Ethernet frame.
    private static func decodeERSPANTypeII(
        _ frame: UnsafeRawBufferPointer,
        at offset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard offset + 8 <= frame.count else {
            throw .truncated
        }
        guard frame.readUInt8(at: offset) >> 4 == 1 else {
            throw .badTunnelHeader
        }
        return try decodeEthernet(frame, at: offset + 8, context: context)
    }

    /// ERSPAN type III: a 12-byte header of version 2, the 8-byte platform-specific subheader when its O bit is set,
    /// then the mirrored frame: Ethernet (frame type 0) or an IP packet (frame type 2).
    private static func decodeERSPANTypeIII(
        _ frame: UnsafeRawBufferPointer,
        at offset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard offset + 12 <= frame.count else {
            throw .truncated
        }
        guard frame.readUInt8(at: offset) >> 4 == 2 else {
            throw .badTunnelHeader
        }
        let frameType = frame.readUInt8(at: offset + 10) >> 2 & 0x1F
        let mirrored = offset + (frame.readUInt8(at: offset + 11) & 0x01 != 0 ? 20 : 12)
        switch frameType {
        case 0:
            return try decodeEthernet(frame, at: mirrored, context: context)
        case 2:
            guard mirrored < frame.count else {
                throw .truncated
            }
            switch frame.readUInt8(at: mirrored) >> 4 {
            case 4:
                return try decodeIPv4(frame, at: mirrored, context: context)
            case 6:
                return try decodeIPv6(frame, at: mirrored, context: context)
            default:
                throw .notIP
            }
        default:
            throw .notIP
        }
    }

    /// An Ethernet frame inside a tunnel: destination, source, ethertype, then what the ethertype says.
    private static func decodeEthernet(
        _ frame: UnsafeRawBufferPointer,
        at offset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard offset + 14 <= frame.count else {
            throw .truncated
        }
        return try decodeEtherType(
            frame,
            etherType: frame.readUInt16(at: offset + 12),
            at: offset + 14,
            context: context
        )
    }

    /// A tunnel payload that runs out inside a header is truncated when the capture cut the outer packet short, and
    /// a malformed tunnel when the outer packet is whole.
    private static func insideError(_ error: PacketError, whole: Bool) -> PacketError {
        error == .truncated && whole ? .badTunnelHeader : error
    }
}
