import ETSI
import Packets
import Stages
import Synchronization

/// Classifies frames against the match table of their batch and encodes the CC payload of every target packet.
///
/// A shard is an actor on a thread of its own and shares no mutable state: it reads frame batches (dealt by session
/// sync) from its input queue, writes IPCC payloads (a target's IP traffic) and IPMMCC payloads (an intercepted
/// call's RTP and RTCP), each with one copy of the IP packet, into record batches for the sequencer, and returns both
/// kinds of batch to their pools. Packets that are not a target's cost one or two hash probes (three for UDP while
/// calls are intercepted) and nothing else.
public actor Shard {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    /// Frame batches from session sync.
    public nonisolated let input: BoundedQueue<FrameBatch>
    /// Emptied frame batches back to session sync.
    public nonisolated let freeFrames: BoundedQueue<FrameBatch>
    /// Emptied record batches back from the sequencer.
    public nonisolated let freeRecords: BoundedQueue<RecordBatch>
    private let output: SequencerInbox
    private let lane: Int
    /// The shard's counters (frames classified, batches waiting).
    public nonisolated let counters: ShardCounters
    /// Mirrored datagrams counted since the last batch was published.
    private var mirrors = MirrorTally()

    /// Creates shard number `lane`, writing to the sequencer's lane of the same number.
    public init(executor: StageExecutor, lane: Int, output: SequencerInbox, poolSize: Int, recordArenaBytes: Int) {
        self.executor = executor
        self.lane = lane
        self.output = output
        counters = ShardCounters(source: "file", backlogLimit: poolSize)
        input = BoundedQueue(capacity: poolSize)
        freeFrames = BoundedQueue(capacity: poolSize * 2 + 4)
        freeRecords = BoundedQueue(capacity: poolSize)
        for _ in 0..<poolSize {
            freeRecords.push(RecordBatch(owner: lane, records: 1024, arenaBytes: recordArenaBytes))
        }
    }

    /// The shard's loop: runs until the input queue is closed and drained, then closes its sequencer lane.
    public func run() {
        var classified = 0
        while let frames = input.pop() {
            classified += frames.slots.count
            counters.frames.store(classified, ordering: .relaxed)
            counters.backlog.store(input.depth, ordering: .relaxed)
            let table = frames.matchTable
            if table.hasRoutes, let records = freeRecords.pop() {
                records.reset()
                records.plan = table.plan
                classify(frames, table: table, into: records)
                if records.entries.isEmpty {
                    freeRecords.push(records)
                } else {
                    output.push(records, lane: lane)
                }
            }
            frames.releaseRegion()
            freeFrames.tryPush(frames)
        }
        output.close(lane: lane)
    }

    private func classify(_ frames: FrameBatch, table: MatchTable, into records: RecordBatch) {
        defer { counters.publish(&mirrors) }
        frames.withArena { arena in
            for slot in frames.slots {
                let start = slot.offset + slot.packet.ipOffset
                FrameClassifier.classify(
                    slot.packet,
                    ipPacket: UnsafeRawBufferPointer(rebasing: arena[start..<(start + slot.packet.ipLength)]),
                    timeMicros: slot.timeMicros,
                    table: table,
                    into: records,
                    mirrors: &mirrors
                )
            }
        }
    }
}
