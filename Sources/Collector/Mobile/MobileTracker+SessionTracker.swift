import ETSI
import Packets
import Protocols
import Synchronization
import Warrants

extension MobileTracker: SessionTracker {
    /// GTP-C servers.
    public var serverKinds: Set<ServerKind> { [.gtp] }

    /// Takes one GTP-C datagram to or from a known GTP server.
    public func handle(_ frame: SessionFrame) {
        take(frame)
    }

    /// Ends silent sessions and unanswered requests, once a minute of capture time.
    public func advance(to timeMicros: Int64) {
        guard timeMicros >= nextSweepMicros else { return }
        if nextSweepMicros != Int64.min { sweep(to: timeMicros) }
        nextSweepMicros = timeMicros + 60_000_000
    }

    /// The next sweep.
    public var nextClockEventMicros: Int64 { nextSweepMicros }

    /// Takes the warrants as the store has them now: a session whose subscriber a new warrant names starts being
    /// intercepted at once (IRI-BEGIN, start of interception with the bearer or context active).
    public func apply(_ plan: InterceptPlan, at timeMicros: Int64) {
        self.plan = plan
        for session in sessions.values {
            let now = intercepts(for: session)
            guard now != session.parties else { continue }
            intercepted[ObjectIdentifier(session)] = now.isEmpty ? nil : session
            for index in now where !session.parties.contains(index) {
                emit(.startWithActive, session: session, intercept: index, timeMicros: timeMicros)
            }
            session.parties = now
            routesChanged = true
        }
    }

    /// Moves the IRIs produced since the last call to `records`.
    public func takeIRIs(into records: inout [IRIRecord]) {
        records.append(contentsOf: iris)
        iris.removeAll(keepingCapacity: true)
    }

    /// Whether intercepted sessions' tunnels or addresses changed since they were last contributed.
    public var matchTableChanged: Bool { routesChanged }

    /// Adds the tunnel endpoints (uplink from the target, downlink to it) and PDN addresses of every intercepted
    /// session.
    public func contribute(to routes: inout MatchRoutes) {
        routesChanged = false
        var tunnels = 0
        for session in intercepted.values {
            let format: MobileCCPayload.Format = session.version == 2 ? .eps : .umts
            for index in session.parties {
                let intercept = plan.intercepts[Int(index)]
                guard intercept.active, intercept.deliversCC else { continue }
                let route = TunnelRoute(
                    interceptIndex: index,
                    cin: session.cin,
                    startMicros: intercept.startMicros,
                    endMicros: intercept.endMicros,
                    profile: intercept.header.profile,
                    direction: .fromTarget,
                    format: format,
                    liid: intercept.liid
                )
                for tunnel in session.tunnels {
                    var tunnelRoute = route
                    tunnelRoute.direction = tunnel.uplink ? .fromTarget : .toTarget
                    routes.tunnels[tunnel.endpoint, default: []].append(tunnelRoute)
                    tunnels += 1
                }
                let ipRoute = CCRoute(
                    interceptIndex: index,
                    cin: session.cin,
                    startMicros: intercept.startMicros,
                    endMicros: intercept.endMicros,
                    profile: intercept.header.profile
                )
                for address in [session.pdn.ipv4, session.pdn.ipv6].compactMap({ $0 }) where !session.pdn.isEmpty {
                    let length = address.isIPv4 ? 32 : Int(session.pdn.ipv6PrefixLength ?? 128)
                    routes.add(IPPrefix(address: address.masked(toPrefixLength: length), length: length), ipRoute)
                }
            }
        }
        statistics.tunnels = tunnels
    }

    /// Shows the open mobile sessions in the run's live counters.
    public func publishOpenSessions(to counters: PipelineCounters) {
        counters.mobileSessionsOpen.store(sessions.count, ordering: .relaxed)
    }

    /// Puts its counters in the run's report.
    public func addStatistics(to report: inout SyncReport) {
        var mobile = statistics
        mobile.open = sessions.count
        report.mobile = mobile
    }
}
