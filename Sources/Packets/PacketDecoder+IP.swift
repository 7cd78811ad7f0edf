extension PacketDecoder {
    /// IPv6 next-header values the decoder walks over or stops at.
    private enum IPv6Header {
        static let hopByHop: UInt8 = 0
        static let routing: UInt8 = 43
        static let fragment: UInt8 = 44
        static let authentication: UInt8 = 51
        static let destinationOptions: UInt8 = 60
    }

    /// Decodes the IPv4 header at `ipOffset` (RFC 791) and, unless this is a non-first fragment, the transport.
    static func decodeIPv4(
        _ frame: UnsafeRawBufferPointer,
        at ipOffset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard ipOffset + 20 <= frame.count else {
            throw .truncated
        }
        let versionAndLength = frame.readUInt8(at: ipOffset)
        let headerLength = Int(versionAndLength & 0x0F) * 4
        let totalLength = Int(frame.readUInt16(at: ipOffset + 2))
        guard versionAndLength >> 4 == 4, headerLength >= 20, totalLength >= headerLength else {
            throw .badIPHeader
        }
        guard ipOffset + headerLength <= frame.count else {
            throw .truncated
        }
        let ipLength = min(totalLength, frame.count - ipOffset)
        let flagsAndOffset = frame.readUInt16(at: ipOffset + 6)
        let fragmentOffset = Int(flagsAndOffset & 0x1FFF) * 8
        let moreFragments = flagsAndOffset & 0x2000 != 0
        var fragment: IPFragment? = nil
        if fragmentOffset != 0 || moreFragments {
            fragment = IPFragment(
                identifier: UInt32(frame.readUInt16(at: ipOffset + 4)),
                offset: fragmentOffset,
                moreFragments: moreFragments
            )
        }
        let transportOffset = ipOffset + headerLength
        var packet = DecodedPacket(
            ipOffset: ipOffset,
            ipLength: ipLength,
            ipVersion: 4,
            source: frame.readIPv4Address(at: ipOffset + 12),
            destination: frame.readIPv4Address(at: ipOffset + 16),
            transportProtocol: frame.readUInt8(at: ipOffset + 9),
            transportOffset: transportOffset,
            sourcePort: 0,
            destinationPort: 0,
            payloadOffset: transportOffset,
            payloadLength: ipOffset + ipLength - transportOffset,
            fragment: fragment
        )
        if fragmentOffset == 0 {
            try decodeTransport(frame, into: &packet, declaredEnd: ipOffset + totalLength, context: context)
        }
        return packet
    }

    /// Decodes the IPv6 header at `ipOffset` (RFC 8200), walks its extension headers (a fragment header gives the
    /// fragment facts: 32-bit identification, offset, M) and decodes the transport, unless the packet is a
    /// non-first fragment or the chain ends in ESP or no-next-header.
    static func decodeIPv6(
        _ frame: UnsafeRawBufferPointer,
        at ipOffset: Int,
        context: DecodeContext
    ) throws(PacketError) -> DecodedPacket {
        guard ipOffset + 40 <= frame.count else {
            throw .truncated
        }
        guard frame.readUInt8(at: ipOffset) >> 4 == 6 else {
            throw .badIPHeader
        }
        let declaredEnd = ipOffset + 40 + Int(frame.readUInt16(at: ipOffset + 4))
        let ipEnd = min(declaredEnd, frame.count)
        var nextHeader = frame.readUInt8(at: ipOffset + 6)
        var offset = ipOffset + 40
        var isNonFirstFragment = false
        var fragment: IPFragment? = nil
        walk: while true {
            let headerLength: Int
            switch nextHeader {
            case IPv6Header.hopByHop, IPv6Header.routing, IPv6Header.destinationOptions, IPv6Header.authentication:
                guard offset + 2 <= ipEnd else {
                    throw shortHeader(declaredEnd: declaredEnd, frame: frame, malformed: .badIPHeader)
                }
                let lengthField = Int(frame.readUInt8(at: offset + 1))
                headerLength = nextHeader == IPv6Header.authentication ? (lengthField + 2) * 4 : (lengthField + 1) * 8
            case IPv6Header.fragment:
                headerLength = 8
            default:
                break walk
            }
            guard offset + headerLength <= ipEnd else {
                throw shortHeader(declaredEnd: declaredEnd, frame: frame, malformed: .badIPHeader)
            }
            if nextHeader == IPv6Header.fragment {
                let offsetAndFlags = frame.readUInt16(at: offset + 2)
                let fragmentOffset = Int(offsetAndFlags & 0xFFF8)
                if fragmentOffset != 0 || offsetAndFlags & 0x0001 != 0 {
                    fragment = IPFragment(
                        identifier: frame.readUInt32(at: offset + 4),
                        offset: fragmentOffset,
                        moreFragments: offsetAndFlags & 0x0001 != 0
                    )
                    isNonFirstFragment = fragmentOffset != 0
                }
            }
            nextHeader = frame.readUInt8(at: offset)
            offset += headerLength
            if isNonFirstFragment {
                break walk
            }
        }
        var packet = DecodedPacket(
            ipOffset: ipOffset,
            ipLength: ipEnd - ipOffset,
            ipVersion: 6,
            source: frame.readIPv6Address(at: ipOffset + 8),
            destination: frame.readIPv6Address(at: ipOffset + 24),
            transportProtocol: nextHeader,
            transportOffset: offset,
            sourcePort: 0,
            destinationPort: 0,
            payloadOffset: offset,
            payloadLength: ipEnd - offset,
            fragment: fragment
        )
        if !isNonFirstFragment {
            try decodeTransport(frame, into: &packet, declaredEnd: declaredEnd, context: context)
        }
        return packet
    }
}
