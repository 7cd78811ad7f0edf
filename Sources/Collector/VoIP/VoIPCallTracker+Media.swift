import ETSI
import Packets
import Protocols

extension VoIPCallTracker {
    /// The media flows of every intercepted call in progress, both orientations, for the shards' match table; clears
    /// ``mediaChanged``. A datagram from the target's side of a call is fromTarget for that target's intercept.
    public func mediaRoutes() -> [MediaKey: [MediaRoute]] {
        mediaChanged = false
        var routes: [MediaKey: [MediaRoute]] = [:]
        for call in openCalls {
            var keys = Set<MediaKey>()
            for leg in call.legs.values where !leg.ended {
                for flow in leg.media.flows {
                    keys.insert(
                        MediaKey(
                            source: flow.caller.address,
                            sourcePort: flow.caller.port,
                            destination: flow.callee.address,
                            destinationPort: flow.callee.port
                        )
                    )
                }
            }
            for party in call.parties {
                let intercept = plan.intercepts[Int(party.interceptIndex)]
                guard intercept.active, intercept.deliversCC else { continue }
                for fromCaller in keys {
                    let route = MediaRoute(
                        interceptIndex: intercept.index,
                        cin: call.cin,
                        startMicros: intercept.startMicros,
                        endMicros: intercept.endMicros,
                        profile: intercept.header.profile,
                        direction: party.targetIsCaller ? .fromTarget : .toTarget,
                        activity: call.activity
                    )
                    routes[fromCaller, default: []].append(route)
                    var reverse = route
                    reverse.direction = party.targetIsCaller ? .toTarget : .fromTarget
                    routes[fromCaller.reversed, default: []].append(reverse)
                }
            }
        }
        return routes
    }
}

extension IPAddress {
    /// Whether the address is for private use and so not reachable from elsewhere: RFC 1918, RFC 6598 shared
    /// address space, IPv4 and IPv6 link-local, and IPv6 unique local addresses.
    var isPrivateUse: Bool {
        if isIPv4 {
            let value = UInt32(truncatingIfNeeded: low)
            return value >> 24 == 10 || value >> 20 == 0xAC1 || value >> 16 == 0xC0A8 || value >> 22 == 0x191
                || value >> 16 == 0xA9FE
        }
        return high >> 57 == 0x7E || high >> 54 == 0x3FA
    }
}
