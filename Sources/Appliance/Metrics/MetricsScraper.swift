import Collector
import Mediator
import Synchronization

/// Answers one scrape: reads the run's live counters, the mediator's statistics and the store watcher's counts,
/// updates the registry, and returns its exposition.
struct MetricsScraper: Sendable {
    /// Where the metrics are kept.
    let registry: MetricsRegistry
    /// The run's live counters.
    let counters: PipelineCounters
    /// The handover connections.
    let mediator: Mediator
    /// The warrant store's follower.
    let watcher: StoreWatcher

    /// The Prometheus text exposition, current.
    func scrape() async -> [UInt8] {
        let reading = MetricsReading(
            counters: counters,
            handovers: await mediator.statistics(),
            storeChanges: (
                watcher.changesApplied.load(ordering: .relaxed), watcher.changesFailed.load(ordering: .relaxed)
            )
        )
        registry.update(reading.samples)
        return registry.exposition()
    }
}
