import ETSI
import Packets

extension IPSessionTracker {
    /// Builds the shards' table from the open target sessions and the static-address warrants, with the session
    /// servers and the media flows of intercepted calls given, and clears `tableChanged`. Routes carry the warrant
    /// windows; shards check each packet's time against them.
    public func makeMatchTable(
        controlEndpoints: Set<ControlEndpoint>,
        sipEndpoints: Set<ControlEndpoint> = [],
        media: [MediaKey: [MediaRoute]] = [:]
    ) -> MatchTable {
        tableChanged = false
        var exact: [IPAddress: [CCRoute]] = [:]
        var byLength: [Int: [IPAddress: [CCRoute]]] = [:]
        func add(_ prefix: IPPrefix, _ route: CCRoute) {
            let full = prefix.address.isIPv4 ? 32 : 128
            if prefix.length == full {
                exact[prefix.address, default: []].append(route)
            } else {
                byLength[prefix.length, default: [:]][prefix.address, default: []].append(route)
            }
        }
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
                for prefix in session.prefixes { add(prefix, route) }
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
            for prefix in intercept.staticPrefixes { add(prefix, route) }
        }
        return MatchTable(
            exact: exact,
            prefixes: byLength.map { (length: $0.key, routes: $0.value) },
            controlEndpoints: controlEndpoints,
            sipEndpoints: sipEndpoints,
            media: media,
            plan: plan
        )
    }
}
