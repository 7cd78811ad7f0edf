/// A VoIP intercept: the SIP users and telephone numbers of the target, the agency that receives the records, and
/// the time window. Every call in which one of the targets takes part is intercepted (IPMMIRI and IPMMCC).
public struct VoIPWarrant: Sendable, Equatable {
    /// The lawful-interception identifier: 1-25 printable ASCII characters without spaces, unique in the store
    /// (across IP and VoIP warrants).
    public var liid: String
    /// The receiving agency's name.
    public var agency: String
    /// The target's identities, at least one.
    public var targets: [VoIPTarget]
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
    /// When `warrant modify` last changed the warrant; nil while it has never been modified. Set by the store.
    public var modifiedMicros: Int64?

    /// Creates a warrant.
    public init(
        liid: String,
        agency: String,
        targets: [VoIPTarget],
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
        self.targets = targets
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
