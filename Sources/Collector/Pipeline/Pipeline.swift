import Packets
import Synchronization

/// What a finished run produced, for the summary.
public struct PipelineResult: Sendable {
    /// Capture counters by cause.
    public var capture: CaptureStatistics
    /// Session counters.
    public var sessions: SessionStatistics
    /// Call counters.
    public var calls = VoIPStatistics()
    /// Per-intercept record counters.
    public var intercepts: [InterceptCounters]
    /// Records produced.
    public var records: Int
    /// Bytes of PS-PDUs produced.
    public var bytes: Int
    /// The capture error that ended the run early, if any.
    public var captureError: CaptureError?
    /// Sequence journal writes that failed (each was tried again).
    public var journalFailures = 0
    /// Records not handed over because the journal could not be written before the run was stopped.
    public var recordsNotJournaled = 0
    /// Records the sequencer could not place (a pipeline fault).
    public var unplaced = 0
    /// cINReset TRIs sent because the numbering state was lost.
    public var cinResets = 0
}

/// Settings of the pipeline. The journal is handed to the sequencer thread and used only there.
public struct PipelineSettings: @unchecked Sendable {
    /// Number of shards (classification threads).
    public var shards: Int
    /// Sessions with no accounting for this long are ended (µs; 0 = never).
    public var sessionIdleTimeoutMicros: Int64
    /// Replay files at the pace of their packet timestamps instead of as fast as possible.
    public var realtime: Bool
    /// Where the next sequence numbers are kept across restarts; nil: every run numbers from 0.
    public var sequenceJournal: SequenceJournal?
    /// The numbering state of earlier runs was lost: streams start with a cINReset TRI.
    public var numberingStateLost = false
    /// How calls are followed.
    public var voip = VoIPSettings()

    /// Creates settings.
    public init(
        shards: Int,
        sessionIdleTimeoutMicros: Int64,
        realtime: Bool = false,
        sequenceJournal: SequenceJournal? = nil,
        numberingStateLost: Bool = false,
        voip: VoIPSettings = VoIPSettings()
    ) {
        self.voip = voip
        self.shards = max(1, shards)
        self.sessionIdleTimeoutMicros = sessionIdleTimeoutMicros
        self.realtime = realtime
        self.sequenceJournal = sequenceJournal
        self.numberingStateLost = numberingStateLost
    }
}

/// The collector's threads for one run: capture, shards and sequencer, linked by bounded queues.
public final class Pipeline: Sendable {
    /// Live counters for the progress line and status.
    public let counters = PipelineCounters()
    /// Set to end capture early (SIGINT/SIGTERM, or the end of a live run).
    public let stopRequested = StopSignal()
    /// Closed while a spool or the sequence journal cannot take records: file capture waits, live shards drop.
    public let gate: CaptureGate
    /// Where the store watcher leaves a new plan for the capture thread.
    public let mailbox = PlanMailbox()
    private let plan: InterceptPlan
    private let settings: PipelineSettings

    /// Prepares a run of `plan` with `settings`; `gate` is closed by whatever cannot take records.
    public init(plan: InterceptPlan, settings: PipelineSettings, gate: CaptureGate = CaptureGate()) {
        self.plan = plan
        self.settings = settings
        self.gate = gate
    }

    /// Runs capture over `sources` until files end (or stop is requested) and every record went to `sink`.
    /// Blocks the calling thread; the work happens on dedicated threads.
    public func run(sources: [PcapSource], sink: any RecordSink) -> PipelineResult {
        let live = sources.filter(\.isLive)
        let fileShards = sources.contains { !$0.isLive } ? settings.shards : 0
        let inbox = SequencerInbox(laneCount: fileShards + live.count + 1, capacity: 16)
        let shards = (0..<fileShards).map {
            Shard(lane: $0, plan: plan, output: inbox, poolSize: 8, recordArenaBytes: 1 << 19)
        }
        let tracker = IPSessionTracker(plan: plan, idleTimeoutMicros: settings.sessionIdleTimeoutMicros)
        let calls = VoIPCallTracker(plan: plan, settings: settings.voip)
        let capture = CaptureLoop(
            sources: sources.filter { !$0.isLive },
            shards: shards,
            tracker: tracker,
            calls: calls,
            plan: plan,
            inbox: inbox,
            trackerLane: fileShards + live.count,
            counters: counters,
            stop: stopRequested,
            gate: gate,
            mailbox: mailbox,
            realtime: settings.realtime
        )
        let sequencer = Sequencer(
            plan: plan,
            sink: sink,
            journal: settings.sequenceJournal,
            resetUnknownStreams: settings.numberingStateLost,
            gate: gate,
            stop: stopRequested
        )
        let liveShards = live.enumerated().map { index, source in
            LiveShard(
                source: source,
                lane: shards.count + index,
                output: inbox,
                control: capture.controlQueue,
                stop: stopRequested,
                gate: gate,
                table: .empty
            )
        }
        let liveThreads = LiveShardThreads(shards: liveShards, control: capture.controlQueue, stop: stopRequested)
        capture.liveShards = liveShards
        capture.startLive = { liveThreads.start() }
        counters.shards.withLock { $0 = shards.map(\.counters) + liveShards.map(\.counters) }
        let counters = self.counters
        let shardThreads = shards.enumerated().map { lane, shard in
            PipelineThread(name: "shard-\(lane)") { shard.run() }
        }
        let sequencerThread = PipelineThread(name: "sequencer") {
            while let batch = inbox.pop() {
                sequencer.process(batch)
                counters.records.store(sequencer.records, ordering: .relaxed)
                if batch.owner < shards.count {
                    shards[batch.owner].freeRecords.push(batch)
                } else if batch.owner < shards.count + liveShards.count {
                    liveShards[batch.owner - shards.count].freeRecords.push(batch)
                } else {
                    capture.recycle(batch)
                }
            }
        }
        let captureError = Mutex<CaptureError?>(nil)
        let captureThread = PipelineThread(name: "capture") {
            do throws(CaptureError) {
                try capture.run()
            } catch {
                captureError.withLock { $0 = error }
            }
        }
        var started: [PipelineThread] = []
        for thread in [sequencerThread] + shardThreads {
            guard thread.start() else {
                for shard in shards { shard.input.close() }
                inbox.close(lane: shards.count)
                for running in started { running.join() }
                return PipelineResult(
                    capture: CaptureStatistics(),
                    sessions: SessionStatistics(),
                    intercepts: [],
                    records: 0,
                    bytes: 0,
                    captureError: CaptureError(source: thread.name, reason: "the system refused to start a thread")
                )
            }
            started.append(thread)
        }
        if !captureThread.start() { captureThread.runInline() }
        captureThread.join()
        liveThreads.join()
        for thread in shardThreads { thread.join() }
        sequencerThread.join()
        var statistics = capture.statistics
        for shard in liveShards {
            statistics.packets += shard.counters.frames.load(ordering: .relaxed)
            statistics.bytes += shard.bytes
            statistics.undecodable.merge(shard.undecodable, uniquingKeysWith: +)
            statistics.gateDrops += shard.counters.gateDrops.load(ordering: .relaxed)
        }
        statistics.pausedMicros = counters.pausedMicros.load(ordering: .relaxed)
        return PipelineResult(
            capture: statistics,
            sessions: tracker.statistics,
            calls: calls.statistics,
            intercepts: sequencer.counters,
            records: sequencer.records,
            bytes: sequencer.bytes,
            captureError: captureError.withLock { $0 } ?? liveShards.lazy.compactMap(\.failure).first,
            journalFailures: sequencer.journalFailures,
            recordsNotJournaled: sequencer.recordsNotJournaled,
            unplaced: sequencer.unplaced,
            cinResets: sequencer.cinResets
        )
    }
}
