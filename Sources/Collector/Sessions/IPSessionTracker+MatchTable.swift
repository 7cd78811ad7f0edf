import ETSI
import Packets

extension IPSessionTracker {
    /// Adds the routes of the open target sessions and of the static-address warrants, and clears
    /// `tableChanged`. Routes carry the warrant windows; shards check each packet's time against them.
    public func contribute(to routes: inout MatchRoutes) {
        tableChanged = false
        for session in targetSessions.values {
            for index in plan.interceptsByUsername[session.user] ?? [] {
                let intercept = plan.intercepts[Int(index)]
                guard intercept.deliversCC else { continue }
                let route = CCRoute(
                    interceptIndex: index,
                    cin: session.cin,
                    startMicros: intercept.startMicros,
                    endMicros: intercept.endMicros,
                    profile: intercept.header.profile
                )
                for prefix in session.prefixes { routes.add(prefix, route) }
            }
        }
        for intercept in plan.intercepts
        where intercept.active && intercept.deliversCC && !intercept.staticPrefixes.isEmpty {
            let route = CCRoute(
                interceptIndex: intercept.index,
                cin: intercept.staticSessionID,
                startMicros: intercept.startMicros,
                endMicros: intercept.endMicros,
                profile: intercept.header.profile
            )
            for prefix in intercept.staticPrefixes { routes.add(prefix, route) }
        }
    }
}
