import ETSI
import Packets
import Stages
import Synchronization
import Warrants

/// The session-sync stage: one actor, on a thread of its own, that applies every session-protocol frame in capture
/// order to the tracker of its server's kind, emits the HI1 notifications of every kind of warrant, takes new plans,
/// and builds the shards' match table from the trackers' routes.
///
/// It is fed in batches by the file capture stage (every frame, in capture order: sync deals the frames that are
/// not session protocol to the shards, each batch carrying the table that was current at its frames) and by the
/// live shards (the session-protocol frames they copied; they classify the rest themselves, against the table sync
/// hands them). IRIs go to the sequencer on sync's own lane.
public actor SessionSync {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let trackers: [any SessionTracker]
    private let trackerByKind: [ServerKind: Int]
    var notifier: HI1Notifier
    var plan: InterceptPlan
    let input: SyncInputQueue
    let shards: [Shard]
    let liveShards: [LiveShard]
    /// The UDP sink receiver, which classifies against the same tables as the live shards.
    let sinkReceiver: SinkReceiver?
    let inbox: SequencerInbox
    let lane: Int
    let counters: PipelineCounters
    private let mailbox: PlanMailbox
    private let freeIRIBatches = BoundedQueue<RecordBatch>(capacity: 8)
    /// Where file batches go back to the file capture stage once their frames are dealt.
    let returnFrames: BoundedQueue<FrameBatch>?
    let batchFrames: Int
    let frameArenaBytes: Int
    var current: [FrameBatch?]
    var reassembler = IPReassembler()
    /// The run's tunnel settings, for frames sync decodes again (live shards' copies, reassembled datagrams).
    let decapsulation: DecapsulationSettings
    var lastTimeMicros: Int64 = 0
    /// When the trackers' counters are next published for metrics (monotonic µs).
    var nextReportMicros: Int64 = 0
    var framesSincePlanCheck = 0
    /// The capture time before which no tracker and no warrant window has anything to do.
    var nextClockEventMicros = Int64.min
    var iris: [IRIRecord] = []
    var table: MatchTable {
        didSet {
            for shard in liveShards { shard.use(table) }
            sinkReceiver?.use(table)
        }
    }
    /// Session-protocol frames and fragments, by cause; merged into the capture statistics at the end.
    var statistics = CaptureStatistics()

    /// Creates the stage with `trackers` (one per kind of session protocol), feeding `shards` and the sequencer.
    public init(
        executor: StageExecutor,
        plan: InterceptPlan,
        trackers: [any SessionTracker],
        input: SyncInputQueue,
        shards: [Shard],
        liveShards: [LiveShard],
        returnFrames: BoundedQueue<FrameBatch>?,
        inbox: SequencerInbox,
        lane: Int,
        counters: PipelineCounters,
        mailbox: PlanMailbox,
        sinkReceiver: SinkReceiver? = nil,
        batchFrames: Int = 256,
        decapsulation: DecapsulationSettings = .standard
    ) {
        self.decapsulation = decapsulation
        self.executor = executor
        self.plan = plan
        self.trackers = trackers
        var byKind: [ServerKind: Int] = [:]
        for (index, tracker) in trackers.enumerated() {
            for kind in tracker.serverKinds { byKind[kind] = index }
        }
        trackerByKind = byKind
        notifier = HI1Notifier(plan: plan)
        self.input = input
        self.shards = shards
        self.liveShards = liveShards
        self.sinkReceiver = sinkReceiver
        self.returnFrames = returnFrames
        self.inbox = inbox
        self.lane = lane
        self.counters = counters
        self.mailbox = mailbox
        self.batchFrames = batchFrames
        frameArenaBytes = batchFrames * 1600
        current = Array(repeating: nil, count: shards.count)
        for _ in 0..<8 { freeIRIBatches.push(RecordBatch(owner: lane, records: 64, arenaBytes: 16_384)) }
        table = Self.makeTable(plan: plan, trackers: trackers)
        for shard in liveShards { shard.use(table) }
        sinkReceiver?.use(table)
    }

    /// The sequencer's pool for this stage's IRI batches.
    public nonisolated var freeRecords: BoundedQueue<RecordBatch> { freeIRIBatches }

    /// Runs until every feeding stage has finished and its last batch is applied; then hands over what it holds and
    /// closes the shards' inputs and its sequencer lane. Returns what the trackers counted.
    public func run() -> SyncReport {
        while true {
            if let next = input.queue.pop(waitingAtMost: 50) {
                switch next {
                case .frames(let batch): deal(batch)
                case .sessionFrames(let batch): apply(batch)
                }
            } else if input.queue.isFinished {
                break
            }
            tick()
        }
        tick()
        handOverAll()
        for shard in shards { shard.input.close() }
        inbox.close(lane: lane)
        let last = report()
        counters.sync.withLock { $0 = last }
        return last
    }

    /// Publishes the trackers' counters in the run's live counters (for metrics), at most four times a second.
    func publishReport() {
        let now = ReplayPacer.monotonicMicros()
        guard now >= nextReportMicros else { return }
        nextReportMicros = now + 250_000
        let current = report()
        counters.sync.withLock { $0 = current }
    }

    /// The IRIs the trackers and the notifier produced, to the sequencer on this stage's lane.
    func handOverIRIs() {
        for tracker in trackers { tracker.takeIRIs(into: &iris) }
        guard !iris.isEmpty, let batch = freeIRIBatches.pop() else { return }
        batch.reset()
        batch.plan = plan
        for iri in iris {
            batch.append(
                interceptIndex: iri.interceptIndex,
                cin: iri.cin,
                timeMicros: iri.timeMicros,
                kind: iri.kind,
                payload: iri.payload
            )
        }
        iris.removeAll(keepingCapacity: true)
        inbox.push(batch, lane: lane)
    }

    /// Moves every tracker's clock (and the warrant windows') to a capture time; a changed table is rebuilt.
    func advance(to timeMicros: Int64) {
        if timeMicros < nextClockEventMicros { return }
        notifier.advance(to: timeMicros, into: &iris)
        var changed = false
        var next = notifier.nextBoundaryMicros
        for tracker in trackers {
            tracker.advance(to: timeMicros)
            changed = changed || tracker.matchTableChanged
            next = min(next, tracker.nextClockEventMicros)
        }
        nextClockEventMicros = next
        if changed {
            refreshTable()
            handOverIRIs()
        }
        if !iris.isEmpty { handOverIRIs() }
    }

    /// Applies the plans the store watcher left (warrants added, modified or ended), one after the other in the
    /// order of the store's changes, at the current capture time.
    func takeNewPlans() {
        for newPlan in mailbox.take() {
            handOverAll()
            plan = newPlan
            notifier.apply(newPlan, at: lastTimeMicros, into: &iris)
            for tracker in trackers { tracker.apply(newPlan, at: lastTimeMicros) }
            nextClockEventMicros = Int64.min
            table = Self.makeTable(plan: newPlan, trackers: trackers)
            handOverIRIs()
        }
    }

    /// A new table from the trackers' routes (frames already dealt keep the table they were dealt with).
    func refreshTable() {
        handOverAll()
        table = Self.makeTable(plan: plan, trackers: trackers)
    }

    /// The tracker that takes frames of a kind of server.
    func tracker(for kind: ServerKind) -> (any SessionTracker)? {
        trackerByKind[kind].map { trackers[$0] }
    }

    private static func makeTable(plan: InterceptPlan, trackers: [any SessionTracker]) -> MatchTable {
        var routes = MatchRoutes()
        for tracker in trackers { tracker.contribute(to: &routes) }
        return MatchTable(routes: routes, servers: plan.servers, mirrorSources: plan.mirrorSources, plan: plan)
    }

    private func report() -> SyncReport {
        var report = SyncReport(capture: statistics)
        report.capture.fragments = reassembler.statistics
        for tracker in trackers {
            report.capture.sessionPackets += tracker.messagesTaken
            report.capture.sessionErrors.merge(tracker.frameErrors, uniquingKeysWith: +)
            tracker.addStatistics(to: &report)
        }
        return report
    }
}
