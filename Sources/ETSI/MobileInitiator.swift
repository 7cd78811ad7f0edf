/// Who started what a mobile IRI reports: `initiator [4]` of UmtsHI2Operations and EpsHI2Operations `IRI-Parameters`.
///
/// ```asn1
/// initiator [4] ENUMERATED { not-Available(0), originating-Target(1), terminating-Target(2), ... } OPTIONAL
/// ```
public enum MobileInitiator: Int, Sendable {
    /// Not known.
    case notAvailable = 0
    /// The target's handset asked for it (MS or UE requested activation, modification or deactivation).
    case originatingTarget = 1
    /// The network started it.
    case terminatingTarget = 2
}
