extension IPReassembler {
    /// What identifies the fragments of one datagram: RFC 791's source, destination, protocol and identification;
    /// RFC 8200's source, destination and identification (with the fragment header's next header).
    struct Key: Hashable, Sendable {
        var version: UInt8
        var source: IPAddress
        var destination: IPAddress
        var transportProtocol: UInt8
        var identifier: UInt32
    }

    /// One IP packet as the reassembler sees it: the ranges are into the packet.
    enum Piece {
        /// Not a fragment (or an IPv6 atomic fragment): the packet, cut to its declared length.
        case whole(Range<Int>)
        /// A fragment of the datagram `key`.
        case fragment(key: Key, header: Range<Int>, nextHeader: UInt8, data: Range<Int>, offset: Int, isLast: Bool)
    }

    /// The packet's piece; nil for a packet whose headers are bad or whose declared length is beyond the bytes.
    static func piece(of ipPacket: UnsafeRawBufferPointer) -> Piece? {
        guard !ipPacket.isEmpty else {
            return nil
        }
        switch ipPacket.readUInt8(at: 0) >> 4 {
        case 4:
            return ipv4Piece(of: ipPacket)
        case 6:
            return ipv6Piece(of: ipPacket)
        default:
            return nil
        }
    }

    private static func ipv4Piece(of ipPacket: UnsafeRawBufferPointer) -> Piece? {
        guard ipPacket.count >= 20 else {
            return nil
        }
        let headerLength = Int(ipPacket.readUInt8(at: 0) & 0x0F) * 4
        let totalLength = Int(ipPacket.readUInt16(at: 2))
        guard headerLength >= 20, totalLength >= headerLength, totalLength <= ipPacket.count else {
            return nil
        }
        let flagsAndOffset = ipPacket.readUInt16(at: 6)
        let offset = Int(flagsAndOffset & 0x1FFF) * 8
        let isLast = flagsAndOffset & 0x2000 == 0
        if offset == 0 && isLast {
            return .whole(0..<totalLength)
        }
        let key = Key(
            version: 4,
            source: ipPacket.readIPv4Address(at: 12),
            destination: ipPacket.readIPv4Address(at: 16),
            transportProtocol: ipPacket.readUInt8(at: 9),
            identifier: UInt32(ipPacket.readUInt16(at: 4))
        )
        return .fragment(
            key: key,
            header: 0..<headerLength,
            nextHeader: key.transportProtocol,
            data: headerLength..<totalLength,
            offset: offset,
            isLast: isLast
        )
    }

    /// Walks the unfragmentable part (hop-by-hop, routing, destination options) to the fragment header.
    private static func ipv6Piece(of ipPacket: UnsafeRawBufferPointer) -> Piece? {
        guard ipPacket.count >= 40 else {
            return nil
        }
        let end = 40 + Int(ipPacket.readUInt16(at: 4))
        guard end <= ipPacket.count else {
            return nil
        }
        var nextHeader = ipPacket.readUInt8(at: 6)
        var offset = 40
        while nextHeader == 0 || nextHeader == 43 || nextHeader == 60 {
            guard offset + 2 <= end else {
                return nil
            }
            nextHeader = ipPacket.readUInt8(at: offset)
            offset += (Int(ipPacket.readUInt8(at: offset + 1)) + 1) * 8
        }
        guard nextHeader == 44 else {
            return offset <= end ? .whole(0..<end) : nil
        }
        guard offset + 8 <= end else {
            return nil
        }
        let offsetAndFlags = ipPacket.readUInt16(at: offset + 2)
        let fragmentOffset = Int(offsetAndFlags & 0xFFF8)
        let isLast = offsetAndFlags & 0x0001 == 0
        if fragmentOffset == 0 && isLast {
            return .whole(0..<end)
        }
        let key = Key(
            version: 6,
            source: ipPacket.readIPv6Address(at: 8),
            destination: ipPacket.readIPv6Address(at: 24),
            transportProtocol: ipPacket.readUInt8(at: offset),
            identifier: ipPacket.readUInt32(at: offset + 4)
        )
        return .fragment(
            key: key,
            header: 0..<40,
            nextHeader: key.transportProtocol,
            data: (offset + 8)..<end,
            offset: fragmentOffset,
            isLast: isLast
        )
    }
}
