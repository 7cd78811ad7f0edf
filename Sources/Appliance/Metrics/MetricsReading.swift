import Collector
import Mediator
import Packets
import Synchronization

/// What a scrape reads: the pipeline's live counters, the mediator's per-handover statistics and the store
/// watcher's counts, turned into samples. A pure function of what it is given, so it is tested without a run.
struct MetricsReading {
    /// The run's live counters.
    var counters: PipelineCounters
    /// Every handover connection's statistics.
    var handovers: [(HandoverEndpoint, HandoverStatistics)]
    /// Changes of the warrant store applied, and refused.
    var storeChanges: (applied: Int, failed: Int)

    /// Every sample, capture first.
    var samples: [MetricSample] {
        captureSamples + shardSamples + syncSamples + handoverSamples + [
            MetricSample("records_sequenced_total", [], .count(counters.records.load(ordering: .relaxed))),
            MetricSample("store_changes_applied_total", [], .count(storeChanges.applied)),
            MetricSample("store_changes_failed_total", [], .count(storeChanges.failed)),
        ]
    }

    private var captureSamples: [MetricSample] {
        let shards = counters.shards.withLock { $0 }
        var undecodable = counters.undecodable.withLock { $0 }
        var tunnels = counters.encapsulations.withLock { $0 }
        var mirrors = counters.sinks.withLock { $0 }?.mirrors.withLock { $0 } ?? MirrorTally()
        for shard in shards {
            undecodable.merge(shard.undecodable.withLock { $0 }, uniquingKeysWith: +)
            tunnels.add(shard.encapsulations.withLock { $0 })
            mirrors.merge(shard.mirrors.withLock { $0 })
        }
        let kernel = shards.reduce(0) { $0 + $1.kernelDrops.load(ordering: .relaxed) }
        let gate = shards.reduce(0) { $0 + $1.gateDrops.load(ordering: .relaxed) }
        var samples = [
            MetricSample("captured_packets_total", [], .count(counters.packets.load(ordering: .relaxed))),
            MetricSample("captured_bytes_total", [], .count(counters.bytes.load(ordering: .relaxed))),
            MetricSample("dropped_packets_total", [("cause", "kernel")], .count(kernel)),
            MetricSample("dropped_packets_total", [("cause", "capture_gate")], .count(gate)),
            MetricSample(
                "capture_waited_seconds_total",
                [],
                .seconds(Double(counters.pausedMicros.load(ordering: .relaxed)) / 1_000_000)
            ),
        ]
        for (cause, count) in undecodable.sorted(by: { $0.key < $1.key }) {
            samples.append(MetricSample("undecodable_packets_total", [("cause", Self.word(cause))], .count(count)))
        }
        for (kind, name) in Encapsulations.named {
            samples.append(MetricSample("tunnel_frames_total", [("kind", name)], .count(tunnels.frames(inside: kind))))
        }
        for format in MirrorShimFormat.allCases where mirrors.total(of: format) > 0 {
            for outcome in MirrorTally.Outcome.allCases {
                let labels = [("vendor", "\(format)"), ("outcome", Self.word(outcome.label))]
                samples.append(
                    MetricSample("mirrored_datagrams_total", labels, .count(mirrors.count(of: format, outcome)))
                )
            }
        }
        let fragments = counters.fragments.withLock { $0 }
        for (outcome, count) in [
            ("reassembled", fragments.reassembled), ("timed_out", fragments.timedOut),
            ("overlapping", fragments.overlapping), ("evicted", fragments.evicted),
            ("duplicate", fragments.duplicates),
        ] {
            samples.append(MetricSample("fragments_total", [("outcome", outcome)], .count(count)))
        }
        return samples
    }

    private var shardSamples: [MetricSample] {
        counters.shards.withLock { $0 }.enumerated().flatMap { index, shard -> [MetricSample] in
            let labels = [("shard", "\(index)"), ("source", shard.source)]
            return [
                MetricSample("shard_packets_total", labels, .count(shard.frames.load(ordering: .relaxed))),
                MetricSample("shard_backlog_batches", labels, .level(Double(shard.backlog.load(ordering: .relaxed)))),
            ]
        }
    }

    /// A label value in snake case: `unsupported link type` → `unsupported_link_type`, `not IP` → `not_ip`.
    static func word(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " ? "_" : $0 })
    }
}
