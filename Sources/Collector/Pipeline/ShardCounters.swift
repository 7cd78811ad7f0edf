import Synchronization

/// One shard's live counters, written by the shard and read by the status reporter once a second.
public final class ShardCounters: Sendable {
    /// "file" for a shard fed by session sync, else the interface a live shard reads.
    public let source: String
    /// Frames the shard classified.
    public let frames = Atomic<Int>(0)
    /// Bytes of the frames a live shard read (published once per burst).
    public let bytes = Atomic<Int>(0)
    /// Frames a live shard could not decode, by cause (published once a second).
    public let undecodable = Mutex<[String: Int]>([:])
    /// Frame batches waiting for the shard (file shards; a shard that falls behind keeps this at its maximum).
    public let backlog = Atomic<Int>(0)
    /// Most frame batches that can wait for the shard.
    public let backlogLimit: Int
    /// Packets the kernel dropped on the shard's capture handle (live shards).
    public let kernelDrops = Atomic<Int>(0)
    /// Frames the shard read and dropped because the capture gate was closed (a spool refused records).
    public let gateDrops = Atomic<Int>(0)
    /// Capture time of the shard's latest frame, µs since the epoch (live shards: session sync takes its clock from them).
    public let latestTimeMicros = Atomic<Int64>(0)
    /// Frames a live shard found inside tunnels, by kind (published once a second).
    public let encapsulations = Mutex<EncapsulationCounts>(EncapsulationCounts())
    /// What became of the mirrored datagrams the shard unwrapped (published once per batch, read by status and the
    /// summary).
    public let mirrors = Mutex<MirrorTally>(MirrorTally())

    /// Adds a shard's local tally of mirrored datagrams and zeroes it (nothing when it is empty).
    func publish(_ tally: inout MirrorTally) {
        guard !tally.isEmpty else { return }
        let counted = tally
        mirrors.withLock { $0.merge(counted) }
        tally.reset()
    }

    /// Creates zeroed counters.
    public init(source: String, backlogLimit: Int) {
        self.source = source
        self.backlogLimit = backlogLimit
    }
}
