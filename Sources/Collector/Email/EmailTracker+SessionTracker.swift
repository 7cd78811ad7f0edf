import Synchronization
import Warrants

extension EmailTracker: SessionTracker {
    /// SMTP, IMAP and POP3 servers.
    public var serverKinds: Set<ServerKind> { [.smtp, .imap, .pop3] }

    /// Takes one TCP segment to or from a mail server of the plan.
    public func handle(_ frame: SessionFrame) {
        guard let kind = plan.servers[frame.server] else { return }
        take(frame, kind: kind)
    }

    /// Ends the sessions silent for the timeout, once per sweep interval.
    public func advance(to timeMicros: Int64) {
        guard timeMicros >= nextSweepMicros else { return }
        if nextSweepMicros != Int64.min { sweep(to: timeMicros) }
        nextSweepMicros = timeMicros + sweepIntervalMicros
    }

    /// The next sweep for silent sessions.
    public var nextClockEventMicros: Int64 { nextSweepMicros }

    /// Takes the warrants as the store has them now: the mailboxes asked about from here on are the new plan's.
    public func apply(_ plan: InterceptPlan, at timeMicros: Int64) {
        self.plan = plan
        directory.update(plan)
    }

    /// Moves the IRIs and EmailCCs produced since the last call to `records`.
    public func takeIRIs(into records: inout [IRIRecord]) {
        records.append(contentsOf: iris)
        iris.removeAll(keepingCapacity: true)
    }

    /// Mail content is delivered by the tracker itself: the shards' table has nothing of it.
    public var matchTableChanged: Bool { false }

    /// Mail content is delivered by the tracker itself: it adds no routes.
    public func contribute(to routes: inout MatchRoutes) {}

    /// Shows the mail sessions followed now in the run's live counters.
    public func publishOpenSessions(to counters: PipelineCounters) {
        counters.mailSessionsOpen.store(connections.count, ordering: .relaxed)
    }

    /// Puts its counters in the run's report.
    public func addStatistics(to report: inout SyncReport) {
        var email = statistics
        email.open = connections.count
        for connection in connections.values {
            email.retransmissions += connection.fromClient.retransmissions + connection.fromServer.retransmissions
        }
        report.email = email
    }
}
