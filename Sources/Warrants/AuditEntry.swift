/// One row of the append-only, hash-chained audit log.
public struct AuditEntry: Sendable, Equatable {
    /// The row number: 1, 2, 3... without gaps.
    public var id: Int64
    /// When the change was committed, in microseconds since the epoch.
    public var timeMicros: Int64
    /// The operating-system user who made it.
    public var user: String
    /// The command line that made it.
    public var command: String
    /// What was done: `agency.add`, `agency.modify`, `agency.remove`, `warrant.add`, `warrant.modify`,
    /// `warrant.end`, `server.add`, `server.remove`, `spool.adopt` (a run took over another store's spool; no record
    /// changes).
    public var action: String
    /// What it was done to: an agency name, a LIID, servers.
    public var subject: String
    /// The affected record before the change, as JSON; nil for an addition.
    public var before: String?
    /// The affected record after the change, as JSON; nil for a removal.
    public var after: String?
    /// The previous row's hash (64 zeros for the first row), lower-case hex.
    public var previousHash: String
    /// SHA-256 over this row's fields and ``previousHash``, lower-case hex.
    public var hash: String

    /// Creates an entry.
    public init(
        id: Int64,
        timeMicros: Int64,
        user: String,
        command: String,
        action: String,
        subject: String,
        before: String?,
        after: String?,
        previousHash: String,
        hash: String
    ) {
        self.id = id
        self.timeMicros = timeMicros
        self.user = user
        self.command = command
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }
}
