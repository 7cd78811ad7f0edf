/// The outcome of checking the audit log's hash chain.
public struct AuditVerification: Sendable, Equatable {
    /// How many rows were read.
    public var rows: Int
    /// The id of the first row found edited, missing, inserted or out of order; nil when the rows are intact.
    public var firstBadRow: Int64?
    /// What is wrong, one line; nil when the log is intact.
    public var problem: String?

    /// Creates a result.
    public init(rows: Int, firstBadRow: Int64? = nil, problem: String? = nil) {
        self.rows = rows
        self.firstBadRow = firstBadRow
        self.problem = problem
    }

    /// True when the chain is intact and nothing else is wrong.
    public var isIntact: Bool { problem == nil }
}
