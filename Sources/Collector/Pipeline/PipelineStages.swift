import Packets
import Stages
import Synchronization

/// The stage actors of one run and the executors they run on, wired together; ``run()`` runs them to the end.
struct PipelineStages: Sendable {
    let capture: FileCapture?
    let sync: SessionSync
    let shards: [Shard]
    let liveShards: [LiveShard]
    let sinkReceiver: SinkReceiver?
    let sequencer: SequencerStage
    private let executors: StageExecutors
    private let stop: StopSignal
    private let counters: PipelineCounters

    /// Starts a thread per stage and wires the stages; when one thread cannot be started, the ones that were are
    /// ended and the error thrown.
    init(
        plan: InterceptPlan,
        settings: PipelineSettings,
        sources: [PcapSource],
        udpSinks: SinkSockets?,
        sink: any RecordSink,
        pipeline: Pipeline
    ) throws(StageError) {
        let files = sources.filter { !$0.isLive }
        let live = sources.filter(\.isLive)
        let fileShards = files.isEmpty ? 0 : settings.shards
        let receivesSinks = !live.isEmpty && !(udpSinks?.isEmpty ?? true)
        let sinkLanes = receivesSinks ? 1 : 0
        let executors = StageExecutors()
        let executor = executors.start
        let inbox = SequencerInbox(laneCount: fileShards + live.count + sinkLanes + 1, capacity: 16)
        let input = SyncInputQueue(capacity: 8, producers: (files.isEmpty ? 0 : 1) + live.count)
        let shards = try (0..<fileShards).map { lane throws(StageError) in
            Shard(
                executor: try executor("shard-\(lane)"),
                lane: lane,
                output: inbox,
                poolSize: 8,
                recordArenaBytes: 1 << 19
            )
        }
        let liveShards = try live.enumerated().map { index, source throws(StageError) in
            LiveShard(
                executor: try executor("live-\(index)"),
                source: source,
                lane: fileShards + index,
                output: inbox,
                sync: input,
                stop: pipeline.stopRequested,
                gate: pipeline.gate,
                decapsulation: settings.decapsulation
            )
        }
        let sinkReceiver =
            receivesSinks
            ? SinkReceiver(
                sinks: udpSinks ?? SinkSockets.none,
                executor: try executor("sinks"),
                lane: fileShards + live.count,
                output: inbox,
                stop: pipeline.stopRequested,
                gate: pipeline.gate
            ) : nil
        let capture =
            files.isEmpty
            ? nil
            : FileCapture(
                executor: try executor("capture"),
                sources: files,
                output: input,
                counters: pipeline.counters,
                stop: pipeline.stopRequested,
                gate: pipeline.gate,
                realtime: settings.realtime,
                decapsulation: settings.decapsulation
            )
        sync = SessionSync(
            executor: try executor("sync"),
            plan: plan,
            trackers: SessionTrackers.make(plan: plan, settings: settings),
            input: input,
            shards: shards,
            liveShards: liveShards,
            returnFrames: capture?.freeFrames,
            inbox: inbox,
            lane: fileShards + live.count + sinkLanes,
            counters: pipeline.counters,
            mailbox: pipeline.mailbox,
            sinkReceiver: sinkReceiver,
            decapsulation: settings.decapsulation
        )
        sequencer = SequencerStage(
            executor: try executor("sequencer"),
            sequencer: Sequencer(
                plan: plan,
                sink: sink,
                journal: settings.sequenceJournal,
                resetUnknownStreams: settings.numberingStateLost,
                gate: pipeline.gate,
                stop: pipeline.stopRequested
            ),
            inbox: inbox,
            pools: shards.map(\.freeRecords) + liveShards.map(\.freeRecords)
                + (sinkReceiver.map { [$0.freeRecords] } ?? [])
                + [sync.freeRecords],
            counters: pipeline.counters
        )
        self.capture = capture
        self.shards = shards
        self.liveShards = liveShards
        self.sinkReceiver = sinkReceiver
        self.executors = executors
        stop = pipeline.stopRequested
        counters = pipeline.counters
    }

    /// Runs every stage to its end: the files are read first, then the live shards capture until stop is
    /// requested; session sync, the shards and the sequencer end when their inputs do.
    func run() async -> PipelineResult {
        async let sequenced = sequencer.run()
        async let synced = sync.run()
        let capture = self.capture
        let liveShards = self.liveShards
        let sinkReceiver = self.sinkReceiver
        let stop = self.stop
        async let captured: [(CaptureStatistics, CaptureError?)] = {
            var results: [(CaptureStatistics, CaptureError?)] = []
            if let capture {
                let result = await capture.run()
                if result.1 != nil { stop.request() }
                results.append(result)
            }
            return await withTaskGroup(of: (CaptureStatistics, CaptureError?).self) { group in
                for shard in liveShards { group.addTask { await shard.run() } }
                if let sinkReceiver {
                    group.addTask {
                        await sinkReceiver.run()
                        return (CaptureStatistics(), nil)
                    }
                }
                for await result in group { results.append(result) }
                return results
            }
        }()
        await withTaskGroup(of: Void.self) { group in
            for shard in shards { group.addTask { await shard.run() } }
        }
        let sources = await captured
        let report = await synced
        let numbered = await sequenced
        var statistics = report.capture
        var failure: CaptureError?
        for (read, error) in sources {
            statistics.packets += read.packets
            statistics.bytes += read.bytes
            statistics.undecodable.merge(read.undecodable, uniquingKeysWith: +)
            statistics.encapsulations.add(read.encapsulations)
            statistics.unsupportedLinkType += read.unsupportedLinkType
            statistics.gateDrops += read.gateDrops
            failure = failure ?? error
        }
        statistics.kernelDrops = UInt64(liveShards.reduce(0) { $0 + $1.counters.kernelDrops.load(ordering: .relaxed) })
        statistics.pausedMicros = counters.pausedMicros.load(ordering: .relaxed)
        var mirrors = sinkReceiver?.mirrors.withLock { $0 } ?? MirrorTally()
        for shard in shards { mirrors.merge(shard.counters.mirrors.withLock { $0 }) }
        for shard in liveShards { mirrors.merge(shard.counters.mirrors.withLock { $0 }) }
        return PipelineResult(
            capture: statistics,
            sessions: report.sessions,
            calls: report.calls,
            email: report.email,
            mobile: report.mobile,
            mirrors: mirrors,
            sinks: sinkReceiver?.statistics.withLock { $0 } ?? [],
            intercepts: numbered.intercepts,
            records: numbered.records,
            bytes: numbered.bytes,
            captureError: failure,
            journalFailures: numbered.journalFailures,
            recordsNotJournaled: numbered.recordsNotJournaled,
            unplaced: numbered.unplaced,
            cinResets: numbered.cinResets,
            hashChecks: numbered.hashChecks,
            signatureChecks: numbered.signatureChecks,
            protectionFailures: numbered.protectionFailures
        )
    }

    /// Ends every stage's thread (after ``run()``, or when setting up failed half-way).
    func shutdown() {
        executors.shutdownAll()
    }
}
