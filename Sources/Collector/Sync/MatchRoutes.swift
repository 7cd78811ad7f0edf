import Packets
import Protocols

/// The routes of a match table while the trackers contribute them: target addresses and prefixes (IP sessions,
/// static addresses), media flows (calls), tunnel endpoints (mobile sessions), vendor mirror ids and raw UDP sinks
/// (IP warrants).
public struct MatchRoutes {
    /// Routes of exact addresses (IPv4 /32, IPv6 /128).
    public private(set) var exact: [IPAddress: [CCRoute]] = [:]
    /// Routes of shorter prefixes, by prefix length; keys are masked addresses.
    public private(set) var byLength: [Int: [IPAddress: [CCRoute]]] = [:]
    /// Routes of media flows by 4-tuple (both orientations are added by the tracker).
    public var media: [MediaKey: [MediaRoute]] = [:]
    /// Routes of GTP-U tunnel endpoints (address and TEID) of mobile sessions.
    public var tunnels: [TunnelEndpoint: [TunnelRoute]] = [:]
    /// Routes of vendor mirror intercept ids, by shim format (a route's CIN is replaced by the shim's session id).
    public var mirrors: [MirrorKey: [CCRoute]] = [:]
    /// Routes of raw UDP sinks (every datagram received is the warrant's IP packet), by the sink's address and port.
    public var sinks: [ServerEndpoint: [CCRoute]] = [:]

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
