/// The `PayloadDirection` of a `CCPayload` (TS 102 232-1):
///
/// ```asn1
/// PayloadDirection ::= ENUMERATED { fromTarget(0), toTarget(1), ..., indeterminate(2), combined(3),
///     notapplicable(4) }
/// ```
public enum PayloadDirection: Int, Sendable {
    /// The target sent the packet.
    case fromTarget = 0
    /// The packet was sent to the target.
    case toTarget = 1
    /// The direction could not be determined.
    case indeterminate = 2
    /// The traffic is a combination of both directions.
    case combined = 3
    /// A direction does not make sense for this service.
    case notApplicable = 4
}
