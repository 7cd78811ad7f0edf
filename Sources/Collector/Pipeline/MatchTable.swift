import ETSI
import Packets
import Protocols
import Warrants

/// Where a target's packet goes: which intercept (warrant) and which communication (CIN), within which time window.
public struct CCRoute: Sendable, Equatable {
    /// Index of the intercept in the run's `InterceptPlan`.
    public var interceptIndex: Int32
    /// The session's communication identity number.
    public var cin: UInt32
    /// The warrant's window, microseconds since the epoch, checked against each packet's capture time.
    public var startMicros: Int64
    /// The end of the window (exclusive).
    public var endMicros: Int64
    /// The object identifiers the intercept's agency wants.
    public var profile: ETSIProfile

    /// Creates a route.
    public init(interceptIndex: Int32, cin: UInt32, startMicros: Int64, endMicros: Int64, profile: ETSIProfile) {
        self.interceptIndex = interceptIndex
        self.cin = cin
        self.startMicros = startMicros
        self.endMicros = endMicros
        self.profile = profile
    }

    /// Whether a packet captured at `timeMicros` falls in the warrant's window.
    public func covers(_ timeMicros: Int64) -> Bool {
        timeMicros >= startMicros && timeMicros < endMicros
    }
}

/// A UDP or TCP server whose packets carry a session protocol (RADIUS, SIP, ...).
public struct ServerEndpoint: Hashable, Sendable {
    /// The server's address.
    public var address: IPAddress
    /// The server's port.
    public var port: UInt16

    /// Creates an endpoint.
    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }
}

/// An immutable snapshot of everything a shard classifies against: the addresses and prefixes of open target
/// sessions, the media flows of intercepted calls, and the known servers whose frames go to session sync.
///
/// Session sync builds a new table from its trackers' routes whenever a target's session, a call's media or a
/// warrant changes, and attaches it to the batches it fills from then on (DESIGN §3). A lookup is one hash probe for
/// exact addresses plus one per distinct prefix length of open prefix sessions, and for a UDP datagram one probe of
/// its 4-tuple among the media flows.
public final class MatchTable: Sendable {
    /// Routes for exact addresses (IPv4 framed addresses, IPv6 addresses, static /32 and /128).
    public let exact: ProbeTable<IPAddress, [CCRoute]>
    /// Routes for prefixes, grouped by prefix length (longest first); keys are masked addresses.
    public let prefixes: [(length: Int, routes: ProbeTable<IPAddress, [CCRoute]>)]
    /// Known servers (address and port) whose frames carry a session protocol, by kind.
    public let servers: [ServerEndpoint: ServerKind]
    /// `servers` as a probe table, for the per-packet check.
    private let serverProbe: ProbeTable<ServerEndpoint, SessionServer>
    /// Media flows (RTP and RTCP) of intercepted calls, both orientations, by 4-tuple.
    public let media: ProbeTable<MediaKey, [MediaRoute]>
    /// GTP-U tunnel endpoints of intercepted mobile sessions, by the address and TEID G-PDUs are sent to.
    public let tunnels: ProbeTable<TunnelEndpoint, [TunnelRoute]>
    /// Where vendor mirror streams are sent, by shim format (their datagrams are unwrapped, never matched by address).
    public let mirrorSources: ProbeTable<ServerEndpoint, MirrorShimFormat>
    /// Routes of vendor mirror intercept ids.
    public let mirrors: ProbeTable<MirrorKey, [CCRoute]>
    /// Routes of raw UDP sinks, by sink (the sink receiver's lookups, one per datagram).
    public let sinks: [ServerEndpoint: [CCRoute]]
    /// The plan the routes refer to (travels with the batches to the sequencer); nil for the empty table.
    public let plan: InterceptPlan?

    /// A table that matches nothing.
    public static let empty = MatchTable(routes: MatchRoutes(), servers: [:], mirrorSources: [:], plan: nil)

    /// The known servers' addresses, for spotting fragments of their datagrams.
    public let serverAddresses: Set<IPAddress>

    /// Creates a table of the trackers' routes, the plan's known servers and its mirror stream destinations.
    public init(
        routes: MatchRoutes,
        servers: [ServerEndpoint: ServerKind],
        mirrorSources: [ServerEndpoint: MirrorVendor] = [:],
        plan: InterceptPlan?
    ) {
        exact = ProbeTable(routes.exact)
        prefixes = routes.byLength.sorted { $0.key > $1.key }.map { ($0.key, ProbeTable($0.value)) }
        self.servers = servers
        serverProbe = ProbeTable(servers.mapValues(SessionServer.init))
        serverAddresses = Set(servers.keys.map(\.address))
        media = ProbeTable(routes.media)
        tunnels = ProbeTable(routes.tunnels)
        self.mirrorSources = ProbeTable(mirrorSources.mapValues(\.shimFormat))
        mirrors = ProbeTable(routes.mirrors)
        sinks = routes.sinks
        self.plan = plan
    }

    /// Whether the table holds any target route or mirror stream at all (a shard with an empty table skips lookups;
    /// mirror streams are looked at even without routes, to count what they carry).
    public var hasRoutes: Bool {
        !exact.isEmpty || !prefixes.isEmpty || !media.isEmpty || !tunnels.isEmpty || !mirrorSources.isEmpty
    }

    /// The routes of the target session that owns `address`, if any. The most specific match wins.
    public func routes(for address: IPAddress) -> [CCRoute]? {
        if let found = exact[address] { return found }
        for group in prefixes {
            if let found = group.routes[address.masked(toPrefixLength: group.length)] { return found }
        }
        return nil
    }

    /// The known server an unfragmented packet goes to or comes from, when its transport carries that server's
    /// protocol: the server, how its frames are treated, and whether the packet goes to it.
    @inline(__always)
    public func sessionServer(
        of packet: DecodedPacket
    ) -> (endpoint: ServerEndpoint, server: SessionServer, toServer: Bool)? {
        if serverProbe.isEmpty { return nil }
        let destination = ServerEndpoint(address: packet.destination, port: packet.destinationPort)
        if let server = serverProbe[destination], server.carries(transport: packet.transportProtocol) {
            return (destination, server, true)
        }
        let source = ServerEndpoint(address: packet.source, port: packet.sourcePort)
        if let server = serverProbe[source], server.carries(transport: packet.transportProtocol) {
            return (source, server, false)
        }
        return nil
    }

    /// Whether a packet is an IPv4 or IPv6 fragment (a first one too) to or from a known server (session sync
    /// reassembles those).
    @inline(__always)
    public func isServerFragment(_ packet: DecodedPacket) -> Bool {
        packet.fragment != nil && !serverAddresses.isEmpty
            && (serverAddresses.contains(packet.source) || serverAddresses.contains(packet.destination))
    }
}
