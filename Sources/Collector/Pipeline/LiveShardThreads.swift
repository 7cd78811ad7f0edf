import Synchronization

/// The threads of a run's live shards: started when the capture thread turns to syncing them, and the control queue
/// closed once the last of them has ended (so the sync thread knows every control frame has arrived).
///
/// `start` runs on the capture thread and `join` after that thread has been joined, so `threads` is never touched
/// by two threads at once.
final class LiveShardThreads: @unchecked Sendable {
    private let shards: [LiveShard]
    private let remaining: Atomic<Int>
    private let control: BoundedQueue<ControlBatch>
    private let stop: StopSignal
    private var threads: [PipelineThread] = []

    init(shards: [LiveShard], control: BoundedQueue<ControlBatch>, stop: StopSignal) {
        self.shards = shards
        remaining = Atomic(shards.count)
        self.control = control
        self.stop = stop
        if shards.isEmpty { control.close() }
    }

    /// Starts a thread per shard; one the system refuses ends the run (stop) and counts as ended.
    func start() {
        threads = shards.enumerated().map { index, shard in
            PipelineThread(name: "live-\(index)") { [self] in
                shard.run()
                ended()
            }
        }
        for thread in threads where !thread.start() {
            stop.request()
            ended()
        }
    }

    /// Waits for every started thread.
    func join() {
        for thread in threads { thread.join() }
    }

    private func ended() {
        if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { control.close() }
    }
}
