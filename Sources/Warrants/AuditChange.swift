/// What a write did, for its audit row.
struct AuditChange {
    /// `agency.add`, `warrant.end`, ...
    var action: String
    /// The name, LIID or servers concerned.
    var subject: String
    /// The record before the change; nil for an addition.
    var before: AuditJSON?
    /// The record after the change; nil for a removal.
    var after: AuditJSON?
}
