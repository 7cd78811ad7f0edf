/// Why a stage could not be set up.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the stage.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}

/// A serial executor that runs its jobs on one dedicated thread of its own.
///
/// Every stage of a run (capture, each shard, session sync, the sequencer, the store watcher) is an actor whose
/// executor is one of these, so its blocking and per-packet work never runs on Swift's cooperative pool and never
/// shares a thread with another stage. A stage's long-running loop is one job, which takes its input from bounded
/// queues of batches; ``shutdown()`` ends the thread after the last job.
public final class StageExecutor: SerialExecutor, @unchecked Sendable {
    // Safe to share: `jobs` and `stopping` are touched only with `condition`'s mutex held; `thread` is set once in
    // init and joined once in shutdown.
    private let condition = ThreadCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false
    private var thread: StageThread?
    /// The stage's name (the thread's name in logs).
    public let name: String

    /// Starts the stage's thread. Throws when the system refuses to create it (so nothing waits for a thread that
    /// never runs).
    public init(name: String) throws(StageError) {
        self.name = name
        let thread = StageThread(name: name) { [unowned self] in self.loop() }
        guard thread.start() else { throw StageError("\(name): the system refused to start a thread") }
        self.thread = thread
    }

    /// Queues a job for the stage's thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// This executor as the runtime refers to it.
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets the thread end once every queued job has run, and waits for it.
    public func shutdown() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
        thread?.join()
        thread = nil
    }

    private func loop() {
        while true {
            let next: [UnownedJob]? = condition.withLock {
                while jobs.isEmpty && !stopping { condition.wait() }
                if jobs.isEmpty { return nil }
                defer { jobs.removeAll(keepingCapacity: true) }
                return jobs
            }
            guard let next else { return }
            for job in next { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}
