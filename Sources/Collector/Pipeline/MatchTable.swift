import ETSI
import Packets

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

/// A UDP or TCP server whose packets carry a session protocol (RADIUS, SIP).
public struct ControlEndpoint: Hashable, Sendable {
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
/// sessions, the media flows of intercepted calls, and the session-protocol servers.
///
/// The session trackers build a new table whenever a target's session, a call's media or a warrant changes and hand
/// it to the capture thread, which attaches it to the batches it fills from then on (DESIGN §3). A lookup is one
/// hash probe for exact addresses plus one per distinct prefix length of open prefix sessions, and for a UDP
/// datagram one probe of its 4-tuple among the media flows.
public final class MatchTable: Sendable {
    /// Routes for exact addresses (IPv4 framed addresses, IPv6 addresses, static /32 and /128).
    public let exact: ProbeTable<IPAddress, [CCRoute]>
    /// Routes for prefixes, grouped by prefix length (longest first); keys are masked addresses.
    public let prefixes: [(length: Int, routes: ProbeTable<IPAddress, [CCRoute]>)]
    /// RADIUS servers (address and port) whose packets are control packets.
    public let controlEndpoints: Set<ControlEndpoint>
    /// SIP servers (address and port; UDP and TCP) whose packets are parsed for calls.
    public let sipEndpoints: Set<ControlEndpoint>
    /// `controlEndpoints` and `sipEndpoints` as probe tables, for the per-packet checks.
    private let radiusProbe: ProbeTable<ControlEndpoint, Bool>
    private let sipProbe: ProbeTable<ControlEndpoint, Bool>
    /// Media flows (RTP and RTCP) of intercepted calls, both orientations, by 4-tuple.
    public let media: ProbeTable<MediaKey, [MediaRoute]>
    /// The plan the routes refer to (travels with the batches to the sequencer); nil for the empty table.
    public let plan: InterceptPlan?

    /// A table that matches nothing.
    public static let empty = MatchTable(exact: [:], prefixes: [], controlEndpoints: [], plan: nil)

    /// RADIUS and SIP server addresses, for spotting fragments of control datagrams.
    public let controlAddresses: Set<IPAddress>

    /// Creates a table.
    public init(
        exact: [IPAddress: [CCRoute]],
        prefixes: [(length: Int, routes: [IPAddress: [CCRoute]])],
        controlEndpoints: Set<ControlEndpoint>,
        sipEndpoints: Set<ControlEndpoint> = [],
        media: [MediaKey: [MediaRoute]] = [:],
        plan: InterceptPlan?
    ) {
        self.exact = ProbeTable(exact)
        self.prefixes = prefixes.sorted { $0.length > $1.length }.map { ($0.length, ProbeTable($0.routes)) }
        self.controlEndpoints = controlEndpoints
        self.sipEndpoints = sipEndpoints
        radiusProbe = ProbeTable(Dictionary(uniqueKeysWithValues: controlEndpoints.map { ($0, true) }))
        sipProbe = ProbeTable(Dictionary(uniqueKeysWithValues: sipEndpoints.map { ($0, true) }))
        controlAddresses = Set(sipEndpoints.map(\.address)).union(controlEndpoints.map(\.address))
        self.media = ProbeTable(media)
        self.plan = plan
    }

    /// Whether the table holds any target route at all (a shard with an empty table skips lookups).
    public var hasRoutes: Bool { !exact.isEmpty || !prefixes.isEmpty || !media.isEmpty }

    /// The routes of the target session that owns `address`, if any. The most specific match wins.
    public func routes(for address: IPAddress) -> [CCRoute]? {
        if let found = exact[address] { return found }
        for group in prefixes {
            if let found = group.routes[address.masked(toPrefixLength: group.length)] { return found }
        }
        return nil
    }

    /// Whether a packet between these endpoints is a session-protocol (control) packet.
    public func isControl(
        source: IPAddress,
        sourcePort: UInt16,
        destination: IPAddress,
        destinationPort: UInt16
    )
        -> Bool
    {
        if radiusProbe.isEmpty { return false }
        return radiusProbe[ControlEndpoint(address: destination, port: destinationPort)] != nil
            || radiusProbe[ControlEndpoint(address: source, port: sourcePort)] != nil
    }

    /// Whether a TCP or UDP packet between these endpoints is SIP to or from a known SIP server.
    public func isSIP(
        source: IPAddress,
        sourcePort: UInt16,
        destination: IPAddress,
        destinationPort: UInt16
    )
        -> Bool
    {
        if sipProbe.isEmpty { return false }
        return sipProbe[ControlEndpoint(address: destination, port: destinationPort)] != nil
            || sipProbe[ControlEndpoint(address: source, port: sourcePort)] != nil
    }
}
