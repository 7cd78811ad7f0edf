import Collector
import Packets
import Synchronization

extension StatusReporter {
    /// Mirrored datagrams so far, by shim format and outcome (formats not seen are left out); nil when none.
    func mirrorCounts() -> [String: [String: Int]]? {
        var tally = pipeline.counters.sinks.withLock { $0 }?.mirrors.withLock { $0 } ?? MirrorTally()
        for shard in pipeline.counters.shards.withLock({ $0 }) { tally.merge(shard.mirrors.withLock { $0 }) }
        var counts: [String: [String: Int]] = [:]
        for format in MirrorShimFormat.allCases where tally.total(of: format) > 0 {
            counts["\(format)"] = Dictionary(
                uniqueKeysWithValues: MirrorTally.Outcome.allCases.map { ($0.label, tally.count(of: format, $0)) }
            )
        }
        return counts.isEmpty ? nil : counts
    }

    /// What each UDP sink received so far; nil in a run without sinks.
    func sinkCounts() -> [ApplianceStatus.Sink]? {
        guard let receiver = pipeline.counters.sinks.withLock({ $0 }) else { return nil }
        return receiver.statistics.withLock { $0 }.map { sink in
            ApplianceStatus.Sink(
                sink: sink.sink,
                encapsulation: sink.encapsulation,
                received: sink.received,
                intercepted: sink.intercepted,
                wrongSource: sink.wrongSource,
                unrouted: sink.unrouted,
                unusable: sink.unusable
            )
        }
    }
}
