import Stages
import Synchronization

/// The sequencing stage: one actor, on a thread of its own, that takes record batches from every producer's lane
/// of its inbox, numbers and stitches them (``Sequencer``), hands the PS-PDUs to the sink, and gives each batch back
/// to the pool of the stage that filled it.
public actor SequencerStage {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let sequencer: Sequencer
    private let inbox: SequencerInbox
    private let pools: [BoundedQueue<RecordBatch>]
    private let counters: PipelineCounters

    /// Creates the stage; `pools[lane]` takes back the batches of the producer on that lane.
    public init(
        executor: StageExecutor,
        sequencer: sending Sequencer,
        inbox: SequencerInbox,
        pools: [BoundedQueue<RecordBatch>],
        counters: PipelineCounters
    ) {
        self.executor = executor
        self.sequencer = sequencer
        self.inbox = inbox
        self.pools = pools
        self.counters = counters
    }

    /// Runs until every lane is closed and drained, then sends the final integrity checks; returns the
    /// sequencer's counts. While integrity checks wait, it wakes up every 100 ms to send those due on time.
    public func run() -> SequencerReport {
        while true {
            let batch: RecordBatch
            if sequencer.hasPendingChecks {
                switch inbox.pop(waitingAtMost: 100_000) {
                case .batch(let next): batch = next
                case .idle:
                    sequencer.tick()
                    publishProtectionCounts()
                    continue
                case .finished: return finish()
                }
            } else {
                guard let next = inbox.pop() else { return finish() }
                batch = next
            }
            sequencer.process(batch)
            counters.records.store(sequencer.records, ordering: .relaxed)
            publishProtectionCounts()
            if pools.indices.contains(batch.owner) { pools[batch.owner].push(batch) }
        }
    }

    private func publishProtectionCounts() {
        counters.hashChecks.store(sequencer.hashChecks, ordering: .relaxed)
        counters.signatureChecks.store(sequencer.signatureChecks, ordering: .relaxed)
        counters.protectionFailures.store(sequencer.protectionFailures, ordering: .relaxed)
    }

    private func finish() -> SequencerReport {
        sequencer.finish()
        publishProtectionCounts()
        return SequencerReport(
            intercepts: sequencer.counters,
            records: sequencer.records,
            bytes: sequencer.bytes,
            journalFailures: sequencer.journalFailures,
            recordsNotJournaled: sequencer.recordsNotJournaled,
            unplaced: sequencer.unplaced,
            cinResets: sequencer.cinResets,
            hashChecks: sequencer.hashChecks,
            signatureChecks: sequencer.signatureChecks,
            protectionFailures: sequencer.protectionFailures
        )
    }
}

/// What the sequencer numbered in a run.
public struct SequencerReport: Sendable {
    /// Per-intercept record counters.
    public var intercepts: [InterceptCounters] = []
    /// Records numbered.
    public var records = 0
    /// Bytes of PS-PDUs produced.
    public var bytes = 0
    /// Journal writes that failed (each was tried again).
    public var journalFailures = 0
    /// Records not handed over because the journal could not be written before the run was stopped.
    public var recordsNotJournaled = 0
    /// Records the sequencer could not place (a pipeline fault).
    public var unplaced = 0
    /// cINReset TRIs sent because the numbering state was lost.
    public var cinResets = 0
    /// Integrity hash TRIs sent.
    public var hashChecks = 0
    /// Integrity signature TRIs sent.
    public var signatureChecks = 0
    /// PDUs not sent because encryption or signing failed (never expected).
    public var protectionFailures = 0
}
