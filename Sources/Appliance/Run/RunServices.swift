import Collector
import Logging
import Mediator
import Stages
import Warrants

/// The run's services besides capture, each an actor on a thread of its own: the store watcher and the status
/// reporter; and the metrics listener (`--metrics`), which outlives the service group to show the drain.
struct RunServices {
    let watcher: StoreWatcher
    let status: StatusReporter
    let metricsServer: MetricsServer?
    private let executors = StageExecutors()

    /// Starts their threads and the metrics listener; fails (exit 1) when the system refuses one, or the metrics
    /// port.
    init(
        _ setup: RunSetup,
        pipeline: Pipeline,
        mediator: Mediator,
        metrics: RunMetrics?,
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
            protectionLoader: setup.protectionLoader,
            context: context
        )
        status = StatusReporter(
            executor: reporting,
            path: options.spoolDirectory + "/status.json",
            warrants: setup.plan.intercepts.count,
            context: context
        )
        guard let metrics else {
            metricsServer = nil
            return
        }
        let scraper = MetricsScraper(
            registry: metrics.registry,
            counters: pipeline.counters,
            mediator: mediator,
            watcher: watcher
        )
        let server: MetricsServer
        do throws(ApplianceError) {
            server = try MetricsServer(listeningOn: metrics.endpoint, scraper: scraper)
        } catch {
            executors.shutdownAll()
            throw error
        }
        let port = server.port ?? metrics.endpoint.port
        logger.info("run: metrics at http://\(Endpoint(host: metrics.endpoint.host, port: port))/metrics")
        metricsServer = server
    }

    /// Closes the metrics listener and ends their threads (after the run and its drain).
    func shutdown() {
        metricsServer?.close()
        executors.shutdownAll()
    }
}
