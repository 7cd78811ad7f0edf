import Collector
import Packets
import Synchronization

extension StatusReporter {
    /// Frames found inside tunnels so far, by kind (file capture's and every live shard's); nil when none.
    func tunnelCounts() -> [String: Int]? {
        var counts = pipeline.counters.encapsulations.withLock { $0 }
        for shard in pipeline.counters.shards.withLock({ $0 }) { counts.add(shard.encapsulations.withLock { $0 }) }
        guard !counts.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: Encapsulations.named.map { ($0.name, counts.frames(inside: $0.kind)) })
    }

    /// What session sync's reassembler did so far.
    func fragmentCounts() -> ApplianceStatus.Fragments {
        let statistics = pipeline.counters.fragments.withLock { $0 }
        return ApplianceStatus.Fragments(
            reassembled: statistics.reassembled,
            timedOut: statistics.timedOut,
            overlapping: statistics.overlapping,
            evicted: statistics.evicted,
            duplicates: statistics.duplicates
        )
    }
}
