extension PacketDecoder {
    /// Reads TCP or UDP ports and locates the payload; other protocols keep the payload set by the IP decoder.
    /// `declaredEnd` is where the IP header says the packet ends (possibly beyond the capture).
    static func decodeTransport(
        _ frame: UnsafeRawBufferPointer,
        into packet: inout DecodedPacket,
        declaredEnd: Int
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
        default:
            return
        }
    }
}
