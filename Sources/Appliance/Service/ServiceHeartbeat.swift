import Collector
import ServiceLifecycle
import Synchronization

/// Tells the service manager how the run is doing, as a service of the run's group: `READY=1` once the pipeline
/// runs (its stages started, after the mediator attempted every agency's connections), then `WATCHDOG=1` every
/// half watchdog interval in which the pipeline made progress (session sync's loop turned: a stalled pipeline
/// stops the pings and systemd restarts the service), and `STOPPING=1` when the run shuts down.
final class ServiceHeartbeat: Service {
    private let notifier: ServiceManagerNotifier
    private let counters: PipelineCounters
    private let watchdogMicros: UInt64?

    /// A heartbeat to `notifier` from `counters`; `watchdogMicros` is the manager's watchdog interval, if any.
    init(notifier: ServiceManagerNotifier, counters: PipelineCounters, watchdogMicros: UInt64?) {
        self.notifier = notifier
        self.counters = counters
        self.watchdogMicros = watchdogMicros
    }

    /// Sends `READY=1` when the pipeline starts, watchdog pings while it makes progress, `STOPPING=1` at the end.
    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await self.beat()
            }
        } catch is CancellationError {
            // Graceful shutdown (or the group ending): fall through to STOPPING=1.
        }
        notifier.send("STOPPING=1")
    }

    private func beat() async throws {
        while counters.syncTicks.load(ordering: .relaxed) == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        notifier.send("READY=1\nSTATUS=capturing")
        guard let watchdogMicros else {
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        let period = Duration.microseconds(Int64(clamping: watchdogMicros / 2))
        var last = counters.syncTicks.load(ordering: .relaxed)
        notifier.send("WATCHDOG=1")
        while true {
            try await Task.sleep(for: period)
            let now = counters.syncTicks.load(ordering: .relaxed)
            if now != last {
                notifier.send("WATCHDOG=1")
                last = now
            }
        }
    }
}
