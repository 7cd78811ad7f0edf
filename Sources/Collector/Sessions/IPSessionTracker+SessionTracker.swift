import Packets
import Protocols
import Synchronization
import Warrants

extension IPSessionTracker: SessionTracker {
    /// RADIUS servers (authentication and accounting).
    public var serverKinds: Set<ServerKind> { [.radius] }

    /// Parses one RADIUS datagram and applies it; the NAS is the side that is not the server.
    public func handle(_ frame: SessionFrame) {
        messagesTaken += 1
        let message: RADIUSMessage
        do {
            message = try RADIUSParser.parse(frame.payload)
        } catch {
            frameErrors["radius_\(error.description)", default: 0] += 1
            return
        }
        let packet = frame.packet
        handle(
            message,
            client: frame.toServer ? packet.source : packet.destination,
            clientPort: frame.toServer ? packet.sourcePort : packet.destinationPort,
            timeMicros: frame.timeMicros
        )
    }

    /// The next warrant window boundary or idle sweep (`Int64.min` when a change calls for a look at once).
    public var nextClockEventMicros: Int64 { nextEventMicros }

    /// Moves the IRIs produced since the last call to `records`.
    public func takeIRIs(into records: inout [IRIRecord]) {
        records.append(contentsOf: iris)
        iris.removeAll(keepingCapacity: true)
    }

    /// Whether a target's session or a warrant window changed since the routes were last contributed.
    public var matchTableChanged: Bool { tableChanged }

    /// Shows the open sessions in the run's live counters.
    public func publishOpenSessions(to counters: PipelineCounters) {
        counters.sessionsOpen.store(statistics.open, ordering: .relaxed)
    }

    /// Puts its counters in the run's report.
    public func addStatistics(to report: inout SyncReport) {
        report.sessions = statistics
    }
}
