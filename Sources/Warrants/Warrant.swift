/// A warrant (an intercept) of any kind: what every kind shares (the LIID, the receiving agency, the country codes,
/// the time window, what is delivered and the warrant's state) and its ``target``, whose case is the kind.
public struct Warrant: Sendable, Equatable {
    /// The lawful-interception identifier: 1-25 printable ASCII characters without spaces, unique in the store
    /// across every kind.
    public var liid: String
    /// The receiving agency's name.
    public var agency: String
    /// Whom the warrant targets, and so its kind.
    public var target: WarrantTarget
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
        target: WarrantTarget,
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
        self.target = target
        self.authorizationCountryCode = authorizationCountryCode
        self.deliveryCountryCode = deliveryCountryCode
        self.startMicros = startMicros
        self.endMicros = endMicros
        self.delivery = delivery
        self.endedMicros = endedMicros
        self.createdMicros = createdMicros
        self.modifiedMicros = modifiedMicros
    }

    /// The warrant's status at `nowMicros` (microseconds since the epoch): ended, expired (at or after its end),
    /// pending (before its start) or active.
    public func status(atMicros nowMicros: Int64) -> WarrantStatus {
        if endedMicros != nil {
            return .ended
        }
        if let endMicros, nowMicros >= endMicros {
            return .expired
        }
        if let startMicros, nowMicros < startMicros {
            return .pending
        }
        return .active
    }
}
