import Synchronization

extension CaptureLoop {
    /// The sync thread of live capture: applies the control frames the live shards copied (in the order each shard
    /// saw them), advances the trackers' clocks to the shards' latest capture time, takes new plans, and hands every
    /// shard each new match table (through `table`'s observer). Returns when every live shard has ended and its
    /// last control frames are applied.
    func syncLive() {
        dispatching = false
        handOverAll()
        for shard in liveShards { shard.use(table) }
        startLive?()
        let firstLane = liveLaneBase
        while true {
            if let batch = controlQueue.pop(waitingAtMost: 50) {
                batch.bytes.withUnsafeBytes { all in
                    for frame in batch.frames {
                        let bytes = UnsafeRawBufferPointer(rebasing: all[frame.offset..<(frame.offset + frame.length)])
                        handle(bytes, time: frame.timeMicros, linkType: frame.linkType)
                    }
                }
                batch.reset()
                let index = batch.owner - firstLane
                if liveShards.indices.contains(index) { liveShards[index].freeControl.tryPush(batch) }
            } else if controlQueue.isFinished {
                break
            }
            tick()
        }
        tick()
    }

    /// The lane of the first live shard (they follow the file shards).
    var liveLaneBase: Int { shards.count }

    /// Moves the trackers' clocks to the latest capture time any shard has seen, takes a new plan, and hands over
    /// IRIs and counters.
    private func tick() {
        let now = liveShards.map { $0.counters.latestTimeMicros.load(ordering: .relaxed) }.max() ?? 0
        if now > lastTimeMicros {
            lastTimeMicros = now
            tracker.advance(to: now)
            calls.advance(to: now)
            if tracker.tableChanged || calls.mediaChanged { refreshTable() }
        }
        takeNewPlan()
        handOverIRIs()
        let frames = liveShards.reduce(0) { $0 + $1.counters.frames.load(ordering: .relaxed) }
        counters.packets.store(frames, ordering: .relaxed)
        statistics.kernelDrops = UInt64(liveShards.reduce(0) { $0 + $1.counters.kernelDrops.load(ordering: .relaxed) })
    }
}
