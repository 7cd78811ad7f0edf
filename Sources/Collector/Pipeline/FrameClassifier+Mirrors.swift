import ETSI
import Packets

extension FrameClassifier {
    /// A UDP datagram sent where a vendor's mirror stream goes: unwraps its shim and, when the shim's intercept id
    /// is a warrant's, writes the mirrored IP packet as an IPCC for each of the id's routes in force, with the
    /// shim's session id as CIN and the shim's direction (else `fallback`). Counts what became of it.
    @inline(__always)
    static func classifyMirrored(
        payload: UnsafeRawBufferPointer,
        format: MirrorShimFormat,
        fallback: PayloadDirection,
        timeMicros: Int64,
        table: MatchTable,
        into records: RecordBatch,
        tally: inout MirrorTally
    ) {
        let mirrored: MirroredPacket
        do {
            mirrored = try MirrorShim.unwrap(payload, format: format)
        } catch {
            tally.count(format, error == .short ? .short : .notIP)
            return
        }
        guard let routes = table.mirrors[MirrorKey(format: format, interceptID: mirrored.interceptID)] else {
            tally.count(format, .unconfiguredID)
            return
        }
        tally.count(format, .intercepted)
        let ipPacket = UnsafeRawBufferPointer(
            rebasing: payload[mirrored.ipOffset..<(mirrored.ipOffset + mirrored.ipLength)]
        )
        let direction = mirrored.direction.payloadDirection(fallback: fallback)
        for route in routes where route.covers(timeMicros) {
            records.appendCC(interceptIndex: route.interceptIndex, cin: mirrored.sessionID, timeMicros: timeMicros) {
                bytes in
                IPCCPayload.write(profile: route.profile, direction: direction, ipPacket: ipPacket, into: &bytes)
            }
        }
    }
}
