import Packets
import Stages
import Synchronization

/// What a finished run produced, for the summary.
public struct PipelineResult: Sendable {
    /// Capture counters by cause.
    public var capture: CaptureStatistics
    /// Session counters.
    public var sessions: SessionStatistics
    /// Call counters.
    public var calls = VoIPStatistics()
    /// Mail session counters.
    public var email = EmailStatistics()
    /// Mobile session counters.
    public var mobile = MobileStatistics()
    /// What became of mirrored datagrams (captured mirror streams and shim sinks), by shim format.
    public var mirrors = MirrorTally()
    /// What each UDP sink received.
    public var sinks: [SinkStatistics] = []
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
    /// Integrity hash TRIs sent.
    public var hashChecks = 0
    /// Integrity signature TRIs sent.
    public var signatureChecks = 0
    /// PDUs not sent because encryption or signing failed (never expected).
    public var protectionFailures = 0
}

/// Settings of the pipeline. The journal is handed to the sequencer thread and used only there.
public struct PipelineSettings: @unchecked Sendable {
    // Safe to share: everything is a value except the journal, which is handed to the sequencer stage and used
    // only there.
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
    /// How mail sessions are followed.
    public var email = EmailSettings()
    /// How mobile (GTP) sessions are followed.
    public var mobile = MobileSettings()
    /// Which tunnels the decoder strips beyond GRE and ERSPAN (the VXLAN ports).
    public var decapsulation = DecapsulationSettings.standard

    /// Creates settings.
    public init(
        shards: Int,
        sessionIdleTimeoutMicros: Int64,
        realtime: Bool = false,
        sequenceJournal: SequenceJournal? = nil,
        numberingStateLost: Bool = false,
        voip: VoIPSettings = VoIPSettings(),
        email: EmailSettings = EmailSettings(),
        mobile: MobileSettings = MobileSettings()
    ) {
        self.mobile = mobile
        self.voip = voip
        self.email = email
        self.shards = max(1, shards)
        self.sessionIdleTimeoutMicros = sessionIdleTimeoutMicros
        self.realtime = realtime
        self.sequenceJournal = sequenceJournal
        self.numberingStateLost = numberingStateLost
    }
}

/// The collector's stages for one run: file capture, session sync, the shards (file shards, or one live shard per
/// capture handle) and the sequencer, each an actor on a thread of its own, linked by bounded queues of batches.
public final class Pipeline: Sendable {
    /// Live counters for the progress line and status.
    public let counters = PipelineCounters()
    /// Set to end capture early (SIGINT/SIGTERM, or the end of a live run).
    public let stopRequested = StopSignal()
    /// Closed while a spool or the sequence journal cannot take records: file capture waits, live shards drop.
    public let gate: CaptureGate
    /// Where the store watcher leaves new plans for session sync.
    public let mailbox = PlanMailbox()
    private let plan: InterceptPlan
    private let settings: PipelineSettings

    /// Prepares a run of `plan` with `settings`; `gate` is closed by whatever cannot take records.
    public init(plan: InterceptPlan, settings: PipelineSettings, gate: CaptureGate = CaptureGate()) {
        self.plan = plan
        self.settings = settings
        self.gate = gate
    }

    /// Runs capture over `sources` until the files end (or stop is requested) and every record went to `sink`;
    /// with live sources, `udpSinks` are received too. Throws, with nothing left running, when a stage's thread
    /// cannot be started.
    public func run(
        sources: [PcapSource],
        udpSinks: SinkSockets? = nil,
        sink: any RecordSink
    ) async throws(StageError) -> PipelineResult {
        let stages = try PipelineStages(
            plan: plan,
            settings: settings,
            sources: sources,
            udpSinks: udpSinks,
            sink: sink,
            pipeline: self
        )
        defer { stages.shutdown() }
        counters.shards.withLock { $0 = stages.shards.map(\.counters) + stages.liveShards.map(\.counters) }
        counters.sinks.withLock { $0 = stages.sinkReceiver }
        return await stages.run()
    }
}
