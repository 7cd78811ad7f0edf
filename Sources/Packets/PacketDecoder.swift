/// Decodes captured frames into IP and transport facts, as offsets into the frame.
///
/// Pure and allocation-free: it reads the frame in place and either returns a ``DecodedPacket`` or throws a
/// ``PacketError``. Nothing on the wire can make it trap.
public enum PacketDecoder {
    /// Decodes link layer -> 802.1Q / QinQ (0x8100, 0x88a8, 0x9100) -> MPLS label stacks (0x8847/0x8848, IP
    /// version sniffed after the bottom of the stack) -> PPPoE session (0x8864, PPP protocol 0x0021 IPv4 / 0x0057
    /// IPv6) -> IPv4 (options, header checks) / IPv6 (hop-by-hop, routing, destination options, fragment (only the
    /// first fragment gives ports), AH; ESP and no-next-header stop) -> UDP / TCP ports and payload.
    ///
    /// Tunnels are stripped in place: a UDP datagram to one of `decapsulation`'s VXLAN ports, GRE (IP protocol 47,
    /// over IPv4 or IPv6) and ERSPAN type I, II and III inside GRE are followed to the packet they carry, nested up
    /// to 4 deep. The result then describes the innermost IP packet, at its offsets in the same frame, and
    /// ``DecodedPacket/encapsulations`` names every kind crossed. A fragment is never decapsulated: it is decoded as
    /// the outer packet.
    public static func decode(
        _ frame: UnsafeRawBufferPointer,
        linkType: LinkType,
        decapsulation: DecapsulationSettings = .standard
    ) throws(PacketError) -> DecodedPacket {
        let context = DecodeContext(decapsulation)
        switch linkType {
        case .ethernet:
            guard frame.count >= 14 else {
                throw .truncated
            }
            return try decodeEtherType(frame, etherType: frame.readUInt16(at: 12), at: 14, context: context)
        case .linuxSLL:
            guard frame.count >= 16 else {
                throw .truncated
            }
            return try decodeEtherType(frame, etherType: frame.readUInt16(at: 14), at: 16, context: context)
        case .linuxSLL2:
            guard frame.count >= 20 else {
                throw .truncated
            }
            return try decodeEtherType(frame, etherType: frame.readUInt16(at: 0), at: 20, context: context)
        case .rawIP:
            guard frame.count >= 1 else {
                throw .truncated
            }
            switch frame.readUInt8(at: 0) >> 4 {
            case 4:
                return try decodeIPv4(frame, at: 0, context: context)
            case 6:
                return try decodeIPv6(frame, at: 0, context: context)
            default:
                throw .badIPHeader
            }
        case .ipv4:
            return try decodeIPv4(frame, at: 0, context: context)
        case .ipv6:
            return try decodeIPv6(frame, at: 0, context: context)
        }
    }

    /// The error for a header that does not fit: `truncated` when the capture cut the IP packet short, otherwise
    /// `malformed` (the packet's own length fields leave no room for the header).
    static func shortHeader(declaredEnd: Int, frame: UnsafeRawBufferPointer, malformed: PacketError) -> PacketError {
        declaredEnd > frame.count ? .truncated : malformed
    }
}
