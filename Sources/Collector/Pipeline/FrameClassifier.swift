import ETSI
import Packets

/// What a shard does with one frame: looks its addresses (and, for UDP, its 4-tuple among intercepted calls' media,
/// or its GTP-U tunnel endpoint among intercepted mobile sessions') up in the match table, and writes a CC payload
/// (IPCC for a target's IP traffic, IPMMCC for a call's RTP or RTCP, EPS or UMTS CC for a mobile session's G-PDU)
/// for every route that covers the frame's time. A datagram sent where a vendor mirror stream goes is unwrapped instead
/// (its mirrored packet is an IPCC when the shim's id is a warrant's). One copy of the IP packet per record, nothing
/// else allocated.
enum FrameClassifier {
    /// Classifies one decoded frame; `ipPacket` is its IP packet. Mirrored datagrams are counted in `mirrors`.
    static func classify(
        _ packet: DecodedPacket,
        ipPacket: UnsafeRawBufferPointer,
        timeMicros: Int64,
        table: MatchTable,
        into records: RecordBatch,
        mirrors: inout MirrorTally
    ) {
        if !table.mirrorSources.isEmpty, packet.transportProtocol == 17, packet.fragment == nil,
            let format = table.mirrorSources[
                ServerEndpoint(address: packet.destination, port: packet.destinationPort)
            ]
        {
            let start = packet.payloadOffset - packet.ipOffset
            let end = start + packet.payloadLength
            guard start >= 0, end <= ipPacket.count else { return }
            classifyMirrored(
                payload: UnsafeRawBufferPointer(rebasing: ipPacket[start..<end]),
                format: format,
                fallback: .indeterminate,
                timeMicros: timeMicros,
                table: table,
                into: records,
                tally: &mirrors
            )
            return
        }
        if !table.media.isEmpty, packet.transportProtocol == 17, packet.fragment == nil,
            let routes = table.media[
                MediaKey(
                    source: packet.source,
                    sourcePort: packet.sourcePort,
                    destination: packet.destination,
                    destinationPort: packet.destinationPort
                )
            ]
        {
            writeMedia(routes, ipPacket: ipPacket, timeMicros: timeMicros, into: records)
        }
        if !table.tunnels.isEmpty, packet.tunnel != nil {
            classifyTunnelled(packet, ipPacket: ipPacket, timeMicros: timeMicros, table: table, into: records)
        }
        if let routes = table.routes(for: packet.source) {
            write(routes, ipPacket: ipPacket, timeMicros: timeMicros, direction: .fromTarget, into: records)
        }
        if let routes = table.routes(for: packet.destination) {
            write(routes, ipPacket: ipPacket, timeMicros: timeMicros, direction: .toTarget, into: records)
        }
    }

    private static func write(
        _ routes: [CCRoute],
        ipPacket: UnsafeRawBufferPointer,
        timeMicros: Int64,
        direction: PayloadDirection,
        into records: RecordBatch
    ) {
        for route in routes where route.covers(timeMicros) {
            records.appendCC(interceptIndex: route.interceptIndex, cin: route.cin, timeMicros: timeMicros) { bytes in
                IPCCPayload.write(profile: route.profile, direction: direction, ipPacket: ipPacket, into: &bytes)
            }
        }
    }

    private static func writeMedia(
        _ routes: [MediaRoute],
        ipPacket: UnsafeRawBufferPointer,
        timeMicros: Int64,
        into records: RecordBatch
    ) {
        for route in routes where route.covers(timeMicros) {
            route.activity.touch(timeMicros)
            records.appendCC(interceptIndex: route.interceptIndex, cin: route.cin, timeMicros: timeMicros) { bytes in
                IPMMCCPayload.write(
                    profile: route.profile,
                    direction: route.direction,
                    frame: ipPacket,
                    frameType: .ipFrame,
                    mmccProtocol: .rtp,
                    into: &bytes
                )
            }
        }
    }
}
