import Synchronization

/// What session sync is fed, in batches: every frame of the files in capture order (sync applies the
/// session-protocol frames and deals the rest to the shards), or the session-protocol frames a live shard copied.
public enum SyncInput: Sendable {
    /// Frames read from a file, decoded, in capture order.
    case frames(FrameBatch)
    /// Session-protocol frames a live shard copied, in its capture order.
    case sessionFrames(SessionFrameBatch)
}

/// Session sync's input queue, fed by the file capture stage and every live shard; it closes when the last of
/// them has finished, so sync knows every frame has arrived.
public final class SyncInputQueue: Sendable {
    /// The batches, oldest first.
    let queue: BoundedQueue<SyncInput>
    private let producers: Atomic<Int>

    /// Creates a queue of `capacity` batches fed by `producers` stages.
    public init(capacity: Int, producers: Int) {
        queue = BoundedQueue(capacity: capacity)
        self.producers = Atomic(producers)
        if producers <= 0 { queue.close() }
    }

    /// Hands sync a batch (waits while the queue is full).
    public func push(_ input: SyncInput) {
        queue.push(input)
    }

    /// One producer has sent its last batch.
    public func producerFinished() {
        if producers.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { queue.close() }
    }
}
