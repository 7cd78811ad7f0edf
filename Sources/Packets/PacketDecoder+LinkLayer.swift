extension PacketDecoder {
    /// Ethertypes the decoder follows.
    private enum EtherType {
        static let ipv4: UInt16 = 0x0800
        static let ipv6: UInt16 = 0x86DD
        static let vlan: UInt16 = 0x8100
        static let serviceVLAN: UInt16 = 0x88A8
        static let legacyQinQ: UInt16 = 0x9100
        static let mplsUnicast: UInt16 = 0x8847
        static let mplsMulticast: UInt16 = 0x8848
        static let pppoeSession: UInt16 = 0x8864
    }

    /// Follows VLAN tags, MPLS and PPPoE from `etherType`, whose payload starts at `offset`, down to the IP header.
    static func decodeEtherType(
        _ frame: UnsafeRawBufferPointer,
        etherType first: UInt16,
        at start: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        var etherType = first
        var offset = start
        while true {
            switch etherType {
            case EtherType.ipv4:
                return try decodeIPv4(frame, at: offset, context: context)
            case EtherType.ipv6:
                return try decodeIPv6(frame, at: offset, context: context)
            case EtherType.vlan, EtherType.serviceVLAN, EtherType.legacyQinQ:
                guard offset + 4 <= frame.count else {
                    throw .truncated
                }
                etherType = frame.readUInt16(at: offset + 2)
                offset += 4
            case EtherType.mplsUnicast, EtherType.mplsMulticast:
                return try decodeMPLS(frame, at: offset, context: context)
            case EtherType.pppoeSession:
                return try decodePPPoESession(frame, at: offset, context: context)
            default:
                throw .notIP
            }
        }
    }

    /// Skips an MPLS label stack up to its bottom entry and decodes the IP packet after it, by its version nibble.
    static func decodeMPLS(
        _ frame: UnsafeRawBufferPointer,
        at start: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        var offset = start
        var bottomOfStack = false
        while !bottomOfStack {
            guard offset + 4 <= frame.count else {
                throw .truncated
            }
            bottomOfStack = frame.readUInt8(at: offset + 2) & 0x01 != 0
            offset += 4
        }
        guard offset < frame.count else {
            throw .truncated
        }
        switch frame.readUInt8(at: offset) >> 4 {
        case 4:
            return try decodeIPv4(frame, at: offset, context: context)
        case 6:
            return try decodeIPv6(frame, at: offset, context: context)
        default:
            throw .notIP
        }
    }

    /// Decodes a PPPoE session packet (RFC 2516): version/type 0x11, code 0, then the PPP protocol (two bytes, or
    /// one when protocol-field compression is in use).
    private static func decodePPPoESession(
        _ frame: UnsafeRawBufferPointer,
        at offset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard offset + 7 <= frame.count else {
            throw .truncated
        }
        guard frame.readUInt8(at: offset) == 0x11, frame.readUInt8(at: offset + 1) == 0 else {
            throw .notIP
        }
        let firstProtocolByte = frame.readUInt8(at: offset + 6)
        let pppProtocol: UInt16
        let ipOffset: Int
        if firstProtocolByte & 0x01 != 0 {
            pppProtocol = UInt16(firstProtocolByte)
            ipOffset = offset + 7
        } else {
            guard offset + 8 <= frame.count else {
                throw .truncated
            }
            pppProtocol = frame.readUInt16(at: offset + 6)
            ipOffset = offset + 8
        }
        switch pppProtocol {
        case 0x0021:
            return try decodeIPv4(frame, at: ipOffset, context: context)
        case 0x0057:
            return try decodeIPv6(frame, at: ipOffset, context: context)
        default:
            throw .notIP
        }
    }
}
