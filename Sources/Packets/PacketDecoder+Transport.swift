extension PacketDecoder {
    /// Reads TCP or UDP ports and locates the payload; other protocols keep the payload set by the IP decoder.
    /// `declaredEnd` is where the IP header says the packet ends (possibly beyond the capture). A VXLAN datagram or
    /// a GRE packet that is not a fragment is replaced by the packet it carries.
    static func decodeTransport(
        _ frame: UnsafeRawBufferPointer,
        into packet: inout DecodedPacket,
        declaredEnd: Int,
        context: DecodeContext
    ) throws(PacketError) {
        let start = packet.transportOffset
        let ipEnd = packet.ipOffset + packet.ipLength
        switch packet.transportProtocol {
        case 17:
            guard start + 8 <= ipEnd else {
                throw shortHeader(declaredEnd: declaredEnd, frame: frame, malformed: .badTransportHeader)
            }
            let udpLength = Int(frame.readUInt16(at: start + 4))
            guard udpLength >= 8 else {
                throw .badTransportHeader
            }
            packet.sourcePort = frame.readUInt16(at: start)
            packet.destinationPort = frame.readUInt16(at: start + 2)
            packet.payloadOffset = start + 8
            packet.payloadLength = min(udpLength - 8, ipEnd - start - 8)
            if context.isVXLAN(port: packet.destinationPort), packet.fragment == nil {
                packet = try decodeVXLAN(
                    frame,
                    outer: packet,
                    whole: declaredEnd <= frame.count,
                    context: context
                )
                return
            }
            if packet.destinationPort == GTPUHeader.port, packet.payloadLength >= 8,
                let (teid, sequence, inner) = GTPUHeader.gpdu(
                    UnsafeRawBufferPointer(
                        rebasing: frame[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]
                    )
                )
            {
                packet.tunnel = GTPUTunnel(teid: teid, sequence: sequence, innerOffset: Int32(inner))
            }
        case 6:
            guard start + 20 <= ipEnd else {
                throw shortHeader(declaredEnd: declaredEnd, frame: frame, malformed: .badTransportHeader)
            }
            let headerLength = Int(frame.readUInt8(at: start + 12) >> 4) * 4
            guard headerLength >= 20 else {
                throw .badTransportHeader
            }
            guard start + headerLength <= ipEnd else {
                throw shortHeader(declaredEnd: declaredEnd, frame: frame, malformed: .badTransportHeader)
            }
            packet.sourcePort = frame.readUInt16(at: start)
            packet.destinationPort = frame.readUInt16(at: start + 2)
            packet.payloadOffset = start + headerLength
            packet.payloadLength = ipEnd - start - headerLength
        case 47:
            guard packet.fragment == nil else {
                return
            }
            packet = try decodeGRE(frame, outer: packet, whole: declaredEnd <= frame.count, context: context)
        default:
            return
        }
    }
}
