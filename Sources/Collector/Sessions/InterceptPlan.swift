import ETSI
import Packets
import Warrants

/// One warrant as the pipeline uses it: its resolved agency, its pre-encoded header and its targets.
public struct Intercept: Sendable {
    /// Position in `InterceptPlan.intercepts`; records refer to intercepts by it.
    public var index: Int32
    /// The warrant's lawful interception identifier.
    public var liid: String
    /// The name of the warrant's agency: its identity for the whole run (records, handovers and status use it).
    public var agency: String
    /// The static part of every record's PSHeader, encoded once.
    public var header: PSHeaderTemplate
    /// Whether IRIs are delivered.
    public var deliversIRI: Bool
    /// Whether CCs are delivered.
    public var deliversCC: Bool
    /// The RADIUS user name the warrant names, if any.
    public var username: String?
    /// Static addresses and prefixes the warrant names.
    public var staticPrefixes: [IPPrefix]
    /// The CIN of the static-address session (and of a raw sink's datagrams).
    public var staticSessionID: UInt32
    /// The vendor mirror id whose mirrored packets are the warrant's CCs, if any.
    public var mirror: MirrorTarget? = nil
    /// The raw UDP sink whose every datagram is the warrant's CC, if any.
    public var sink: ServerEndpoint? = nil
    /// The SIP users and telephone numbers a VoIP warrant names (empty for IP warrants).
    public var voipTargets: [VoIPTarget] = []
    /// The mailboxes an email warrant names (empty for other warrants).
    public var emailTargets: [EmailTarget] = []
    /// The subscriber identities (IMSI, MSISDN, IMEI) a mobile warrant names (empty for other warrants).
    public var mobileTargets: [MobileIdentity] = []
    /// Start of the warrant's window (µs since the epoch; `Int64.min` when unbounded).
    public var startMicros: Int64
    /// End of the warrant's window (exclusive; `Int64.max` when unbounded).
    public var endMicros: Int64
    /// False once the warrant was ended or removed while the appliance runs (its index stays taken).
    public var active = true
    /// When the warrant was last modified in the store.
    public var modifiedMicros: Int64?

    /// Whether the warrant is in force at an instant.
    public func covers(_ timeMicros: Int64) -> Bool {
        active && timeMicros >= startMicros && timeMicros < endMicros
    }

    /// Whether the targets differ from another version of the same warrant.
    func targetsDiffer(from other: Intercept) -> Bool {
        username != other.username || staticPrefixes != other.staticPrefixes || staticSessionID != other.staticSessionID
            || voipTargets != other.voipTargets || emailTargets != other.emailTargets
            || mobileTargets != other.mobileTargets || mirror != other.mirror || sink != other.sink
    }

    /// Whether the warrant's CCs come from vendor mirror streams or a raw UDP sink: its user name (if any) then gives
    /// IRIs only, and the addresses of its RADIUS sessions are not matched.
    public var takesCCFromMirror: Bool { mirror != nil || sink != nil }

    /// Whether the warrant is a VoIP warrant (its targets are SIP users or telephone numbers).
    public var isVoIP: Bool { !voipTargets.isEmpty }

    /// The target as HI1 notifications describe it.
    var targetDescription: String {
        if let username { return "user \(username)" }
        if let mirror { return "mirror id \(mirror.interceptID)" + (mirror.vendor.map { " (\($0.rawValue))" } ?? "") }
        if let sink { return "sink \(sink.address):\(sink.port)" }
        if isVoIP { return voipTargets.map(\.description).joined(separator: " ") }
        if !emailTargets.isEmpty { return emailTargets.map(\.address).joined(separator: " ") }
        if !mobileTargets.isEmpty { return mobileTargets.map(\.description).joined(separator: " ") }
        return staticPrefixes.map(\.description).joined(separator: " ")
    }
}

/// Why the store's contents cannot be run.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the warrant or server.
    public var description: String
}

/// The warrants, agencies and servers of one run, resolved from the store.
///
/// A plan only grows while the appliance runs: a warrant keeps its index for the whole run (records, routes and
/// counters refer to it by index), new warrants and agencies are appended, and an ended warrant stays in place,
/// marked inactive. Each new plan has a higher `generation`.
public struct InterceptPlan: Sendable {
    /// Counts the plans of a run: 0 for the first.
    public private(set) var generation = 0
    /// PSHeader operatorIdentifier.
    public let operatorIdentifier: String
    /// PSHeader networkElementIdentifier.
    public let networkElementIdentifier: String
    /// Agencies that at least one warrant delivers to, in the order they were first needed (each is known by its
    /// name, never by its position here).
    public private(set) var agencies: [Agency] = []
    /// Payload encryption and integrity checks, with their keys, by agency name (set by the run, which reads the
    /// key files); an agency not here gets neither.
    public var protection: [String: AgencyProtection] = [:]
    /// Every warrant that was in force at some point of the run.
    public private(set) var intercepts: [Intercept] = []
    /// Active intercepts by RADIUS user name.
    public private(set) var interceptsByUsername: [String: [Int32]] = [:]
    /// Known servers (address and port) by kind: their frames go to session sync's trackers.
    public private(set) var servers: [ServerEndpoint: ServerKind] = [:]
    /// Where vendor mirror streams are sent (address and port), by vendor: the shards unwrap their datagrams.
    public private(set) var mirrorSources: [ServerEndpoint: MirrorVendor] = [:]
    /// The UDP sinks the run opens.
    public private(set) var sinks: [UDPSink] = []
    /// Indexes of the active VoIP intercepts.
    public private(set) var voipIntercepts: [Int32] = []
    /// Active email intercepts by mailbox, in its comparison form (``EmailTarget/matchKey``).
    public private(set) var interceptsByMailbox: [String: [Int32]] = [:]
    /// Active mobile intercepts by subscriber identity (``MobileIdentity/description``, e.g. `imsi:001011234500017`).
    public private(set) var interceptsByMobileIdentity: [String: [Int32]] = [:]

    /// Resolves a snapshot. Fails when a warrant names an unknown agency or holds an unusable address.
    public init(
        snapshot: StoreSnapshot,
        operatorIdentifier: String,
        networkElementIdentifier: String
    ) throws(PlanError) {
        self.operatorIdentifier = operatorIdentifier
        self.networkElementIdentifier = networkElementIdentifier
        try apply(snapshot)
    }

    /// The next plan after the store changed: same indexes for known warrants, new ones appended, warrants that
    /// left the snapshot (ended) inactive.
    public func updated(with snapshot: StoreSnapshot) throws(PlanError) -> InterceptPlan {
        var next = self
        next.generation += 1
        try next.apply(snapshot)
        return next
    }

    private mutating func apply(_ snapshot: StoreSnapshot) throws(PlanError) {
        var seen = Set<String>()
        for warrant in snapshot.warrants.sorted(by: { $0.liid < $1.liid }) where !seen.contains(warrant.liid) {
            seen.insert(warrant.liid)
            let existing = intercepts.firstIndex { $0.liid == warrant.liid && $0.active }
            let index = Int32(existing ?? intercepts.count)
            let intercept = try makeIntercept(warrant, index: index, snapshot: snapshot)
            if let existing {
                intercepts[existing] = intercept
            } else {
                intercepts.append(intercept)
            }
        }
        for position in intercepts.indices where !seen.contains(intercepts[position].liid) {
            intercepts[position].active = false
        }
        interceptsByUsername = [:]
        voipIntercepts = []
        interceptsByMailbox = [:]
        interceptsByMobileIdentity = [:]
        for intercept in intercepts where intercept.active {
            if let user = intercept.username { interceptsByUsername[user, default: []].append(intercept.index) }
            if intercept.isVoIP { voipIntercepts.append(intercept.index) }
            for mailbox in Set(intercept.emailTargets.map(\.matchKey)) {
                interceptsByMailbox[mailbox, default: []].append(intercept.index)
            }
            for identity in Set(intercept.mobileTargets.map(\.description)) {
                interceptsByMobileIdentity[identity, default: []].append(intercept.index)
            }
        }
        let known = try Self.servers(snapshot)
        servers = known.filter { $0.value.mirrorVendor == nil }
        mirrorSources = known.compactMapValues(\.mirrorVendor)
        sinks = snapshot.sinks
    }

    private static func servers(_ store: StoreSnapshot) throws(PlanError) -> [ServerEndpoint: ServerKind] {
        var servers: [ServerEndpoint: ServerKind] = [:]
        for server in store.servers {
            guard let address = IPAddress(server.address) else {
                throw PlanError(description: "server \(server.kind.rawValue) \(server.address): not an IP address")
            }
            servers[ServerEndpoint(address: address, port: server.port)] = server.kind
        }
        return servers
    }

    /// The known servers of a kind.
    public func servers(of kind: ServerKind) -> [ServerEndpoint] {
        servers.filter { $0.value == kind }.map(\.key)
    }

    private mutating func makeIntercept(
        _ warrant: Warrant,
        index: Int32,
        snapshot: StoreSnapshot
    )
        throws(PlanError) -> Intercept
    {
        let agency = try resolveAgency(liid: warrant.liid, name: warrant.agency, snapshot: snapshot)
        let ip = warrant.target.ip ?? IPTarget()
        var prefixes: [IPPrefix] = []
        for text in ip.staticPrefixes {
            guard let prefix = IPPrefix(text) else {
                throw PlanError(description: "warrant \(warrant.liid): static address \(text) is not a prefix")
            }
            prefixes.append(prefix)
        }
        if let voip = warrant.target.voip, voip.isEmpty {
            throw PlanError(description: "warrant \(warrant.liid): a VoIP warrant needs a SIP URI or number")
        }
        let header = PSHeaderTemplate(
            profile: agency.headerProfile,
            liid: warrant.liid,
            authorizationCountryCode: warrant.authorizationCountryCode,
            operatorIdentifier: operatorIdentifier,
            networkElementIdentifier: networkElementIdentifier,
            deliveryCountryCode: warrant.deliveryCountryCode,
            timeFormat: agency.headerTimeFormat
        )
        var intercept = Intercept(
            index: index,
            liid: warrant.liid,
            agency: agency.name,
            header: header,
            deliversIRI: warrant.delivery.includesIRI,
            deliversCC: warrant.delivery.includesCC,
            username: ip.username,
            staticPrefixes: prefixes,
            staticSessionID: ip.sessionID,
            startMicros: warrant.startMicros ?? Int64.min,
            endMicros: warrant.endMicros ?? Int64.max
        )
        intercept.mirror = ip.mirror
        if let sink = ip.sink {
            guard let address = IPAddress(sink.host) else {
                throw PlanError(description: "warrant \(warrant.liid): sink \(sink) is not an IP address and port")
            }
            intercept.sink = ServerEndpoint(address: address, port: sink.port)
        }
        intercept.voipTargets = warrant.target.voip ?? []
        intercept.emailTargets = warrant.target.email ?? []
        intercept.mobileTargets = warrant.target.mobile ?? []
        intercept.modifiedMicros = warrant.modifiedMicros
        return intercept
    }

    /// A warrant's agency, added to ``agencies`` when it is the first warrant to deliver there.
    private mutating func resolveAgency(liid: String, name: String, snapshot: StoreSnapshot) throws(PlanError) -> Agency
    {
        guard let agency = snapshot.agencies.first(where: { $0.name == name }) else {
            throw PlanError(description: "warrant \(liid): agency \(name) does not exist")
        }
        if !agencies.contains(where: { $0.name == agency.name }) { agencies.append(agency) }
        return agency
    }
}

extension Agency {
    /// The object identifiers this agency's records carry.
    public var headerProfile: ETSIProfile {
        switch etsiProfile {
        case .current: .current
        case .openli: .openli
        }
    }

    /// How this agency's records carry their time.
    public var headerTimeFormat: PSHeaderTemplate.TimeFormat {
        switch timestampFormat {
        case .microseconds: .microSecondTimeStamp
        case .generalized: .generalizedTime
        }
    }
}
