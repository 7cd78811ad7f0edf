#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The sequencer's input: one single-producer queue ("lane") per shard plus one for the session trackers, and a
/// doorbell the producers ring after each push, so that no lock is shared between shards.
public final class SequencerInbox: @unchecked Sendable {
    // Safe to share: `lanes` are thread-safe queues, `doorbell` is a semaphore allocated out of line (its address
    // never moves), and `next` is used only by the one consumer (the sequencer stage).
    private let lanes: [BoundedQueue<RecordBatch>]
    private let doorbell: UnsafeMutablePointer<sem_t>
    private var next = 0

    /// Creates `laneCount` lanes of `capacity` batches each.
    public init(laneCount: Int, capacity: Int) {
        lanes = (0..<laneCount).map { _ in BoundedQueue(capacity: capacity) }
        doorbell = .allocate(capacity: 1)
        doorbell.initialize(to: sem_t())
        sem_init(doorbell, 0, 0)
    }

    deinit {
        sem_destroy(doorbell)
        doorbell.deallocate()
    }

    /// Number of lanes.
    public var laneCount: Int { lanes.count }

    /// Pushes a batch into a lane (waits while that lane is full).
    public func push(_ batch: RecordBatch, lane: Int) {
        if lanes[lane].push(batch) { ring() }
    }

    /// Marks a lane finished.
    public func close(lane: Int) {
        lanes[lane].close()
        ring()
    }

    /// The next batch from any lane (round robin), waiting while all are empty; nil once every lane is finished.
    public func pop() -> RecordBatch? {
        while true {
            for step in 0..<lanes.count {
                let lane = (next + step) % lanes.count
                if let batch = lanes[lane].tryPop() {
                    next = (lane + 1) % lanes.count
                    return batch
                }
            }
            if lanes.allSatisfy(\.isFinished) { return nil }
            while sem_wait(doorbell) != 0 && errno == EINTR {}
        }
    }

    /// What ``pop(waitingAtMost:)`` found.
    public enum Popped {
        /// The next batch.
        case batch(RecordBatch)
        /// Nothing arrived in time.
        case idle
        /// Every lane is finished and drained.
        case finished
    }

    /// The next batch from any lane (round robin), waiting at most `microseconds` while all are empty.
    public func pop(waitingAtMost microseconds: Int) -> Popped {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + (microseconds % 1_000_000) * 1000
        deadline.tv_sec += microseconds / 1_000_000 + nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        while true {
            for step in 0..<lanes.count {
                let lane = (next + step) % lanes.count
                if let batch = lanes[lane].tryPop() {
                    next = (lane + 1) % lanes.count
                    return .batch(batch)
                }
            }
            if lanes.allSatisfy(\.isFinished) { return .finished }
            while sem_timedwait(doorbell, &deadline) != 0 {
                if errno == ETIMEDOUT { return .idle }
                if errno != EINTR { break }
            }
        }
    }

    private func ring() {
        sem_post(doorbell)
    }
}
