import ETSI
import Packets
import Warrants

/// One warrant as the pipeline uses it: its resolved agency, its pre-encoded header and its targets.
public struct Intercept: Sendable {
    /// Position in `InterceptPlan.intercepts`; records refer to intercepts by it.
    public var index: Int32
    /// The warrant's lawful interception identifier.
    public var liid: String
    /// Position of the warrant's agency in `InterceptPlan.agencies`.
    public var agencyIndex: Int
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
    /// The CIN of the static-address session.
    public var staticSessionID: UInt32
    /// Start of the warrant's window (µs since the epoch; `Int64.min` when unbounded).
    public var startMicros: Int64
    /// End of the warrant's window (exclusive; `Int64.max` when unbounded).
    public var endMicros: Int64

    /// Whether the window covers an instant.
    public func covers(_ timeMicros: Int64) -> Bool {
        timeMicros >= startMicros && timeMicros < endMicros
    }
}

/// Why the store's contents cannot be run.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the warrant or server.
    public var description: String
}

/// The warrants, agencies and servers of one run, resolved from a store snapshot.
public struct InterceptPlan: Sendable {
    /// Agencies that at least one warrant delivers to, in a fixed order.
    public var agencies: [Agency]
    /// Every warrant that is not ended.
    public var intercepts: [Intercept]
    /// Intercepts by RADIUS user name.
    public var interceptsByUsername: [String: [Int32]]
    /// RADIUS servers (address and port).
    public var radiusServers: Set<ControlEndpoint>

    /// Resolves a snapshot. Fails when a warrant names an unknown agency or holds an unusable address.
    public init(
        snapshot: StoreSnapshot,
        operatorIdentifier: String,
        networkElementIdentifier: String
    ) throws(PlanError) {
        var agencies: [Agency] = []
        var agencyIndex: [String: Int] = [:]
        var intercepts: [Intercept] = []
        var byUsername: [String: [Int32]] = [:]
        for warrant in snapshot.ipWarrants.sorted(by: { $0.liid < $1.liid }) {
            guard let agency = snapshot.agencies.first(where: { $0.name == warrant.agency }) else {
                throw PlanError(description: "warrant \(warrant.liid): agency \(warrant.agency) does not exist")
            }
            let position: Int
            if let known = agencyIndex[agency.name] {
                position = known
            } else {
                position = agencies.count
                agencyIndex[agency.name] = position
                agencies.append(agency)
            }
            var prefixes: [IPPrefix] = []
            for text in warrant.staticPrefixes {
                guard let prefix = IPPrefix(text) else {
                    throw PlanError(description: "warrant \(warrant.liid): static address \(text) is not a prefix")
                }
                prefixes.append(prefix)
            }
            let index = Int32(intercepts.count)
            let header = PSHeaderTemplate(
                profile: agency.headerProfile,
                liid: warrant.liid,
                authorizationCountryCode: warrant.authorizationCountryCode,
                operatorIdentifier: operatorIdentifier,
                networkElementIdentifier: networkElementIdentifier,
                deliveryCountryCode: warrant.deliveryCountryCode,
                timeFormat: agency.headerTimeFormat
            )
            intercepts.append(
                Intercept(
                    index: index,
                    liid: warrant.liid,
                    agencyIndex: position,
                    header: header,
                    deliversIRI: warrant.delivery.includesIRI,
                    deliversCC: warrant.delivery.includesCC,
                    username: warrant.username,
                    staticPrefixes: prefixes,
                    staticSessionID: warrant.sessionID,
                    startMicros: warrant.startMicros ?? Int64.min,
                    endMicros: warrant.endMicros ?? Int64.max
                )
            )
            if let user = warrant.username { byUsername[user, default: []].append(index) }
        }
        var servers = Set<ControlEndpoint>()
        for server in snapshot.servers where server.kind == .radius {
            guard let address = IPAddress(server.address) else {
                throw PlanError(description: "server radius \(server.address): not an IP address")
            }
            servers.insert(ControlEndpoint(address: address, port: server.port))
        }
        self.agencies = agencies
        self.intercepts = intercepts
        self.interceptsByUsername = byUsername
        self.radiusServers = servers
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
