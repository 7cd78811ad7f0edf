import ETSI
import Packets
import Protocols

extension FrameClassifier {
    /// A G-PDU (the decoder read its GTP-U header): when it is sent to an intercepted session's tunnel endpoint (one
    /// probe of address and TEID), its inner IP packet as an EPS or UMTS CC for each route of that endpoint.
    @inline(__always)
    static func classifyTunnelled(
        _ packet: DecodedPacket,
        ipPacket: UnsafeRawBufferPointer,
        timeMicros: Int64,
        table: MatchTable,
        into records: RecordBatch
    ) {
        guard let tunnel = packet.tunnel,
            let routes = table.tunnels[TunnelEndpoint(address: packet.destination, teid: tunnel.teid)]
        else { return }
        let innerStart = packet.payloadOffset - packet.ipOffset + Int(tunnel.innerOffset)
        let innerEnd = packet.payloadOffset - packet.ipOffset + packet.payloadLength
        guard innerStart >= 0, innerStart < innerEnd, innerEnd <= ipPacket.count else { return }
        let inner = UnsafeRawBufferPointer(rebasing: ipPacket[innerStart..<innerEnd])
        let sequence = tunnel.sequence
        let time = Timestamp(epochMicros: timeMicros)
        for route in routes where route.covers(timeMicros) {
            records.appendCC(interceptIndex: route.interceptIndex, cin: route.cin, timeMicros: timeMicros) { bytes in
                MobileCCPayload.write(
                    format: route.format,
                    profile: route.profile,
                    direction: route.direction,
                    liid: route.liid,
                    correlationNumber: route.cin,
                    time: time,
                    sequenceNumber: sequence,
                    ipPacket: inner,
                    into: &bytes
                )
            }
        }
    }
}
