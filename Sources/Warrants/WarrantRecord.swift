/// The fields every kind of warrant has (IP, VoIP), so that modifying and reporting changes share one
/// implementation whatever the kind.
public protocol WarrantRecord: Sendable, Equatable {
    /// The lawful-interception identifier.
    var liid: String { get set }
    /// The receiving agency's name.
    var agency: String { get set }
    /// The authorization country code.
    var authorizationCountryCode: String { get set }
    /// The delivery country code.
    var deliveryCountryCode: String { get set }
    /// The start of the window, µs since the epoch; nil for no lower bound.
    var startMicros: Int64? { get set }
    /// The end of the window; nil for no upper bound.
    var endMicros: Int64? { get set }
    /// Which records are delivered.
    var delivery: Delivery { get set }
    /// When the warrant was ended; nil while it has not been.
    var endedMicros: Int64? { get set }
    /// When the warrant was stored.
    var createdMicros: Int64 { get set }
    /// When the warrant was last modified; nil while it never has been.
    var modifiedMicros: Int64? { get set }
}

extension IPWarrant: WarrantRecord {}
extension VoIPWarrant: WarrantRecord {}
