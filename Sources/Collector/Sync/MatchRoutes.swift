import Packets
import Protocols

/// The routes of a match table while the trackers contribute them: target addresses and prefixes (IP sessions,
/// static addresses), media flows (calls) and tunnel endpoints (mobile sessions).
public struct MatchRoutes {
    /// Routes of exact addresses (IPv4 /32, IPv6 /128).
    public private(set) var exact: [IPAddress: [CCRoute]] = [:]
    /// Routes of shorter prefixes, by prefix length; keys are masked addresses.
    public private(set) var byLength: [Int: [IPAddress: [CCRoute]]] = [:]
    /// Routes of media flows by 4-tuple (both orientations are added by the tracker).
    public var media: [MediaKey: [MediaRoute]] = [:]
    /// Routes of GTP-U tunnel endpoints (address and TEID) of mobile sessions.
    public var tunnels: [TunnelEndpoint: [TunnelRoute]] = [:]

    /// Creates empty routes.
    public init() {}

    /// Routes a prefix's traffic.
    public mutating func add(_ prefix: IPPrefix, _ route: CCRoute) {
        let full = prefix.address.isIPv4 ? 32 : 128
        if prefix.length == full {
            exact[prefix.address, default: []].append(route)
        } else {
            byLength[prefix.length, default: [:]][prefix.address, default: []].append(route)
        }
    }
}
