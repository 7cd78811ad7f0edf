/// An IP-access intercept: the target's RADIUS user name and/or static address prefixes, the agency that receives
/// the records, and the time window.
public struct IPWarrant: Sendable, Equatable {
    /// The lawful-interception identifier: 1-25 printable ASCII characters without spaces, unique in the store.
    public var liid: String
    /// The receiving agency's name.
    public var agency: String
    /// The RADIUS User-Name to intercept (exact match), if any.
    public var username: String?
    /// Static prefixes to intercept, canonical CIDR text (`198.51.100.7/32`, `2001:db8::/56`).
    public var staticPrefixes: [String]
    /// The communication identity number (CIN) of static-IP sessions, 1 to 2^31-1.
    public var sessionID: UInt32
    /// The authorization country code (ISO 3166 alpha-2, upper case).
    public var authorizationCountryCode: String
    /// The delivery country code (ISO 3166 alpha-2, upper case).
    public var deliveryCountryCode: String
    /// The start of the window in microseconds since the epoch; nil for no lower bound.
    public var startMicros: Int64?
    /// The end of the window in microseconds since the epoch; nil for no upper bound.
    public var endMicros: Int64?
    /// Which records are delivered.
    public var delivery: Delivery
    /// When `warrant end` ended the warrant, in microseconds since the epoch; nil while it has not been ended.
    public var endedMicros: Int64?
    /// When the warrant was stored, in microseconds since the epoch; set by the store.
    public var createdMicros: Int64
    /// When `warrant modify` last changed the warrant, in microseconds since the epoch; nil while it has never been
    /// modified. Set by the store; the running appliance compares it to tell a modified warrant from an unchanged one.
    public var modifiedMicros: Int64?

    /// Creates a warrant.
    public init(
        liid: String,
        agency: String,
        username: String? = nil,
        staticPrefixes: [String] = [],
        sessionID: UInt32 = 1,
        authorizationCountryCode: String,
        deliveryCountryCode: String,
        startMicros: Int64? = nil,
        endMicros: Int64? = nil,
        delivery: Delivery = .both,
        endedMicros: Int64? = nil,
        createdMicros: Int64 = 0,
        modifiedMicros: Int64? = nil
    ) {
        self.liid = liid
        self.agency = agency
        self.username = username
        self.staticPrefixes = staticPrefixes
        self.sessionID = sessionID
        self.authorizationCountryCode = authorizationCountryCode
        self.deliveryCountryCode = deliveryCountryCode
        self.startMicros = startMicros
        self.endMicros = endMicros
        self.delivery = delivery
        self.endedMicros = endedMicros
        self.createdMicros = createdMicros
        self.modifiedMicros = modifiedMicros
    }
}
