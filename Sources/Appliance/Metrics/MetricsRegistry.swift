import CoreMetrics
import ETSI
import Mediator
import Prometheus
import Synchronization

/// The run's metrics, kept with swift-metrics in a Prometheus registry: the samples a scrape reads become counters
/// (each raised by what it grew since the last scrape) and gauges; keep-alive round trips are recorded as they
/// happen, into a histogram. Scrapes may come at once from several connections: one lock orders them.
final class MetricsRegistry: Sendable {
    /// Upper bounds of the keep-alive round-trip histogram's buckets.
    static let roundTripBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(30),
    ]
    private static let roundTripName = "openli_appliance_keepalive_round_trip_seconds"

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let state = Mutex(State())

    private struct State {
        var counters: [String: (counter: CoreMetrics.Counter, last: Int)] = [:]
        var seconds: [String: (counter: FloatingPointCounter, last: Double)] = [:]
        var gauges: [String: CoreMetrics.Gauge] = [:]
        var timers: [String: CoreMetrics.Timer] = [:]
    }

    /// An empty registry.
    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [Self.roundTripName: Self.roundTripBuckets]
        self.factory = factory
    }

    /// Takes a scrape's samples: counters grow by the difference to the last scrape (a count that fell, which a
    /// restarted source could cause, only becomes the new base), gauges take the value.
    func update(_ samples: [MetricSample]) {
        state.withLock { state in
            for sample in samples {
                let key = sample.key
                switch sample.value {
                case .count(let value):
                    let (name, labels) = (sample.name, sample.labels)
                    let entry =
                        state.counters[key]
                        ?? (counter: CoreMetrics.Counter(label: name, dimensions: labels, factory: factory), last: 0)
                    if value > entry.last { entry.counter.increment(by: Int64(value - entry.last)) }
                    state.counters[key] = (entry.counter, value)
                case .seconds(let value):
                    let (name, labels) = (sample.name, sample.labels)
                    let entry =
                        state.seconds[key]
                        ?? (counter: FloatingPointCounter(label: name, dimensions: labels, factory: factory), last: 0)
                    if value > entry.last { entry.counter.increment(by: value - entry.last) }
                    state.seconds[key] = (entry.counter, value)
                case .level(let value):
                    let (name, labels) = (sample.name, sample.labels)
                    let gauge =
                        state.gauges[key] ?? CoreMetrics.Gauge(label: name, dimensions: labels, factory: factory)
                    gauge.record(value)
                    state.gauges[key] = gauge
                }
            }
        }
    }

    /// Records one answered keep-alive's round trip (on the mediator's event loop, once per keep-alive).
    func recordKeepAlive(_ endpoint: HandoverEndpoint, roundTripMicros: Int64) {
        let labels = [("agency", endpoint.agency), ("handover", endpoint.handover.rawValue)]
        let key = endpoint.agency + "|" + endpoint.handover.rawValue
        let timer = state.withLock { state in
            if let timer = state.timers[key] { return timer }
            let timer = CoreMetrics.Timer(label: Self.roundTripName, dimensions: labels, factory: factory)
            state.timers[key] = timer
            return timer
        }
        timer.recordMicroseconds(roundTripMicros)
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        state.withLock { _ in registry.emitToBuffer() }
    }
}
