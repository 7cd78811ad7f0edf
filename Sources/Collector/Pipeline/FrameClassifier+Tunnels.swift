import ETSI
import Packets
import Protocols

extension FrameClassifier {
    /// A GTP-U datagram: when it is a G-PDU sent to an intercepted session's tunnel endpoint (one probe of address
    /// and TEID), its inner IP packet as an EPS or UMTS CC for each route of that endpoint.
    @inline(__always)
    static func classifyTunnelled(
        _ packet: DecodedPacket,
        ipPacket: UnsafeRawBufferPointer,
        timeMicros: Int64,
        table: MatchTable,
        into records: RecordBatch
    ) {
        let payloadStart = packet.payloadOffset - packet.ipOffset
        guard payloadStart >= 0, payloadStart + packet.payloadLength <= ipPacket.count else { return }
        let payload = UnsafeRawBufferPointer(rebasing: ipPacket[payloadStart..<(payloadStart + packet.payloadLength)])
        guard let (teid, sequence, innerOffset) = GTPUHeader.gpdu(payload),
            let routes = table.tunnels[TunnelEndpoint(address: packet.destination, teid: teid)]
        else { return }
        let inner = UnsafeRawBufferPointer(rebasing: payload[innerOffset...])
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
