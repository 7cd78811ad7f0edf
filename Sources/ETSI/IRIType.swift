/// The `IRIType` of an `IRIPayload` (TS 102 232-1):
///
/// ```asn1
/// IRIType ::= ENUMERATED { iRI-Begin(1), iRI-End(2), iRI-Continue(3), iRI-Report(4) }
/// ```
public enum IRIType: Int, Sendable {
    /// iRI-Begin: the first record of a session.
    case begin = 1
    /// iRI-End: the last record of a session.
    case end = 2
    /// iRI-Continue: a record inside a session.
    case `continue` = 3
    /// iRI-Report: a record outside any session.
    case report = 4
}
