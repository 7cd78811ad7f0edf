import ETSI
import Packets
import Warrants

extension IPSessionTracker {
    /// Adds the routes of the open target sessions, of the static-address warrants and of the mirror and sink
    /// warrants, and clears `tableChanged`. Routes carry the warrant windows; shards check each packet's time against
    /// them. A warrant whose CCs come from a mirror or a sink gets no routes for its RADIUS sessions' addresses.
    public func contribute(to routes: inout MatchRoutes) {
        tableChanged = false
        for session in targetSessions.values {
            for index in plan.interceptsByUsername[session.user] ?? [] {
                let intercept = plan.intercepts[Int(index)]
                guard intercept.deliversCC, !intercept.takesCCFromMirror else { continue }
                let route = intercept.route(cin: session.cin)
                for prefix in session.prefixes { routes.add(prefix, route) }
            }
        }
        for intercept in plan.intercepts
        where intercept.active && intercept.deliversCC && !intercept.staticPrefixes.isEmpty {
            let route = intercept.route(cin: intercept.staticSessionID)
            for prefix in intercept.staticPrefixes { routes.add(prefix, route) }
        }
        contributeMirrors(to: &routes)
    }

    /// Routes each active mirror warrant's id under its vendor's shim format (every format when it names no vendor)
    /// and each raw-sink warrant's sink; the CIN of a sink route is the warrant's session id.
    private func contributeMirrors(to routes: inout MatchRoutes) {
        for intercept in plan.intercepts where intercept.active && intercept.deliversCC && intercept.takesCCFromMirror {
            let route = intercept.route(cin: intercept.staticSessionID)
            if let mirror = intercept.mirror {
                let vendors = mirror.vendor.map { [$0] } ?? MirrorVendor.allCases
                for vendor in vendors {
                    routes.mirrors[MirrorKey(format: vendor.shimFormat, interceptID: mirror.interceptID), default: []]
                        .append(route)
                }
            }
            if let sink = intercept.sink { routes.sinks[sink, default: []].append(route) }
        }
    }
}

extension Intercept {
    /// A route of this intercept's CCs on `cin`, within its window, with its agency's profile.
    func route(cin: UInt32) -> CCRoute {
        CCRoute(
            interceptIndex: index,
            cin: cin,
            startMicros: startMicros,
            endMicros: endMicros,
            profile: header.profile
        )
    }
}
