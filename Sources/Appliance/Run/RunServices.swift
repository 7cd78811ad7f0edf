import Collector
import Logging
import Mediator
import Stages

/// The run's services besides capture, each an actor on a thread of its own: the store watcher and the status
/// reporter.
struct RunServices {
    let watcher: StoreWatcher
    let status: StatusReporter
    private let executors = StageExecutors()

    /// Starts their threads; fails (exit 1) when the system refuses one.
    init(
        _ setup: RunSetup,
        pipeline: Pipeline,
        mediator: Mediator,
        options: RunOptions,
        logger: Logger
    ) throws(ApplianceError) {
        let watching: StageExecutor
        let reporting: StageExecutor
        do {
            watching = try executors.start("store-watcher")
            reporting = try executors.start("status")
        } catch {
            throw ApplianceError(.runtime, "run: \(error.description)")
        }
        let context = RunContext(options: options, pipeline: pipeline, mediator: mediator, logger: logger)
        watcher = StoreWatcher(
            executor: watching,
            store: setup.store,
            snapshot: setup.snapshot,
            plan: setup.plan,
            context: context
        )
        status = StatusReporter(
            executor: reporting,
            path: options.spoolDirectory + "/status.json",
            warrants: setup.plan.intercepts.count,
            context: context
        )
    }

    /// Ends their threads (after the run).
    func shutdown() {
        executors.shutdownAll()
    }
}
