import Packets
import Protocols

/// Reassembles SIP carried over TCP: one message splitter per direction of each connection, fed in sequence-number
/// order. Retransmitted bytes are skipped; after a gap (a segment the capture missed) the direction restarts at the
/// next segment, and a segment that does not start a SIP message is then counted as an error by the splitter.
///
/// Bounded: at most ``maximumFlows`` directions are followed; the one idle longest goes first.
public struct SIPTCPStreams: Sendable {
    private struct Flow: Sendable {
        var splitter = SIPStreamSplitter()
        var nextSequence: UInt32?
        var lastMicros: Int64
    }

    /// The most directions followed at once.
    public let maximumFlows: Int
    private var flows: [FlowKey: Flow] = [:]

    /// Follows up to `maximumFlows` directions at once.
    public init(maximumFlows: Int = 4096) {
        self.maximumFlows = max(1, maximumFlows)
    }

    /// Directions being followed now.
    public var count: Int { flows.count }

    /// Takes one TCP segment (`tcp` is the TCP header and payload, the payload starting at `payloadOffset`) and
    /// returns every SIP message it completes. A SYN starts the direction afresh; FIN or RST ends it.
    public mutating func append(
        tcp: UnsafeRawBufferPointer,
        payloadOffset: Int,
        key: FlowKey,
        timeMicros: Int64
    ) throws(SIPError) -> [[UInt8]] {
        guard tcp.count >= 20, payloadOffset <= tcp.count else { return [] }
        let sequence = UInt32(tcp[4]) << 24 | UInt32(tcp[5]) << 16 | UInt32(tcp[6]) << 8 | UInt32(tcp[7])
        let flags = tcp[13]
        let isSYN = flags & 0x02 != 0
        let closes = flags & 0x05 != 0
        defer { if closes { flows[key] = nil } }
        if flows[key] == nil { makeRoom(now: timeMicros) }
        var flow = flows[key] ?? Flow(lastMicros: timeMicros)
        flow.lastMicros = timeMicros
        if isSYN {
            flow.splitter.reset()
            flow.nextSequence = sequence &+ 1
            flows[key] = flow
            return []
        }
        var payload = UnsafeRawBufferPointer(rebasing: tcp[payloadOffset...])
        if let expected = flow.nextSequence {
            let ahead = Int32(bitPattern: sequence &- expected)
            if ahead < 0 {
                let overlap = Int(-ahead)
                guard overlap < payload.count else {
                    flows[key] = flow
                    return []
                }
                payload = UnsafeRawBufferPointer(rebasing: payload[overlap...])
            } else if ahead > 0 {
                flow.splitter.reset()
            }
        }
        let start = flow.nextSequence.map { Int32(bitPattern: sequence &- $0) < 0 ? $0 : sequence } ?? sequence
        flow.nextSequence = start &+ UInt32(truncatingIfNeeded: payload.count)
        defer { flows[key] = flow }
        if payload.isEmpty { return [] }
        return try flow.splitter.append(payload)
    }

    private mutating func makeRoom(now: Int64) {
        guard flows.count >= maximumFlows else { return }
        if let oldest = flows.min(by: { $0.value.lastMicros < $1.value.lastMicros }) {
            flows[oldest.key] = nil
        }
    }
}
