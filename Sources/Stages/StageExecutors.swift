import Synchronization

/// The executors of a set of stages, started one by one: when one cannot be started, every one started before is
/// ended at once (nothing is left waiting for a stage that never runs), and ``shutdownAll()`` ends them together.
public final class StageExecutors: Sendable {
    private let started = Mutex<[StageExecutor]>([])

    /// Creates an empty set.
    public init() {}

    /// Starts an executor for stage `name`; on failure ends the ones started so far and throws.
    public func start(_ name: String) throws(StageError) -> StageExecutor {
        do {
            let executor = try StageExecutor(name: name)
            started.withLock { $0.append(executor) }
            return executor
        } catch {
            shutdownAll()
            throw error
        }
    }

    /// Ends every executor started (each after its last job).
    public func shutdownAll() {
        let running = started.withLock { all in
            defer { all.removeAll() }
            return all
        }
        for executor in running { executor.shutdown() }
    }
}
