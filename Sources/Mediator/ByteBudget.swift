import Stages

/// A cap on the bytes queued for one handover connection: the sequencer waits while the cap is reached
/// (back-pressure), the connection releases bytes once the spool has taken them.
public final class ByteBudget: @unchecked Sendable {
    // Safe to share: `inUse` and `limit` are touched only with `condition`'s mutex held.
    private let condition = ThreadCondition()
    private var inUse = 0
    private var limit: Int

    /// Creates a budget of `limit` bytes.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Takes `bytes` from the budget, waiting while it is spent. A single request larger than the whole budget is
    /// let through once the budget is empty.
    public func reserve(_ bytes: Int) {
        condition.withLock {
            while inUse > 0 && inUse + bytes > limit { condition.wait() }
            inUse += bytes
        }
    }

    /// Lowers the cap to `newLimit` (at least 1 byte) if it is below the current one.
    public func lower(to newLimit: Int) {
        condition.withLock { limit = min(limit, max(1, newLimit)) }
    }

    /// Removes the cap: nobody waits any more (the run is ending and what is produced must reach the spool).
    public func lift() {
        condition.withLock {
            limit = Int.max
            condition.broadcast()
        }
    }

    /// Gives `bytes` back.
    public func release(_ bytes: Int) {
        condition.withLock {
            inUse = max(0, inUse - bytes)
            condition.broadcast()
        }
    }

    /// Bytes currently reserved.
    public var reserved: Int {
        condition.withLock { inUse }
    }
}
