import ETSI
import Packets
import Protocols
import Synchronization

/// The capture thread: reads every source in turn, decodes each frame once, applies session-protocol packets (RADIUS
/// to the IP session tracker, SIP to the VoIP call tracker) in capture order, and hands every frame that is not
/// RADIUS to the shard its address pair hashes to.
///
/// Frames are copied once into the shard's current batch; a batch is handed over when full, when the match table
/// changes (so that the packets before and after a session event are classified against the right sessions), and
/// when a live source goes idle.
public final class CaptureLoop: @unchecked Sendable {
    private let sources: [PcapSource]
    let shards: [Shard]
    let tracker: IPSessionTracker
    let calls: VoIPCallTracker
    var tcpStreams = SIPTCPStreams()
    private let inbox: SequencerInbox
    private let trackerLane: Int
    let counters: PipelineCounters
    private let stop: StopSignal
    private let gate: CaptureGate
    let batchFrames: Int
    let frameArenaBytes: Int
    private let mailbox: PlanMailbox
    var lastTimeMicros: Int64 = 0
    private var pacer: ReplayPacer?
    var reassembler = IPv4Reassembler()
    var table: MatchTable {
        didSet { for shard in liveShards { shard.use(table) } }
    }
    /// Live shards (one per fanout handle); when there are any, the capture thread becomes their sync thread once
    /// the files are read.
    var liveShards: [LiveShard] = []
    /// Where the live shards send control frames.
    var controlQueue = BoundedQueue<ControlBatch>(capacity: 64)
    /// Starts the live shards' threads.
    var startLive: (() -> Void)?
    /// False while the capture thread syncs live shards: it then sees only control frames, which the shards classify.
    var dispatching = true
    var current: [FrameBatch?]
    /// The mapped window of the file being read (mapped files), so batches can refer to its frames; its bounds and
    /// identity are kept apart so the per-frame test needs no reference counting.
    var currentRegion: MappedRegion?
    var currentRegionID: ObjectIdentifier?
    var currentRegionBase = UnsafeRawPointer(bitPattern: 1)
    var currentRegionEnd = UnsafeRawPointer(bitPattern: 1)
    var seenRegionGeneration = 0
    private var freeIRIBatches: BoundedQueue<RecordBatch>
    /// What was seen, by cause; read after `run()` returns.
    public internal(set) var statistics = CaptureStatistics()

    /// Creates the loop. `stop` ends live capture (and file reading) early when set.
    public init(
        sources: [PcapSource],
        shards: [Shard],
        tracker: IPSessionTracker,
        calls: VoIPCallTracker,
        plan: InterceptPlan,
        inbox: SequencerInbox,
        trackerLane: Int? = nil,
        counters: PipelineCounters,
        stop: StopSignal,
        gate: CaptureGate = CaptureGate(),
        mailbox: PlanMailbox,
        realtime: Bool = false,
        batchFrames: Int = 256
    ) {
        self.pacer = realtime ? ReplayPacer() : nil
        self.mailbox = mailbox
        self.sources = sources
        self.shards = shards
        self.tracker = tracker
        self.calls = calls
        self.inbox = inbox
        self.counters = counters
        self.stop = stop
        self.gate = gate
        self.batchFrames = batchFrames
        frameArenaBytes = batchFrames * 1600
        self.trackerLane = trackerLane ?? shards.count
        table = tracker.makeMatchTable(controlEndpoints: plan.radiusServers, sipEndpoints: plan.sipServers, media: [:])
        current = Array(repeating: nil, count: shards.count)
        freeIRIBatches = BoundedQueue(capacity: 8)
        for _ in 0..<8 {
            freeIRIBatches.push(RecordBatch(owner: self.trackerLane, records: 64, arenaBytes: 16_384))
        }
        counters.fileSize.store(sources.reduce(0) { $0 + $1.fileSize }, ordering: .relaxed)
    }

    /// Returns an IRI batch after the sequencer is done with it.
    public func recycle(_ batch: RecordBatch) {
        freeIRIBatches.push(batch)
    }

    /// Reads every file to its end, then (with live shards) syncs them until `stop` is set and they have ended;
    /// then closes the shards' inputs and the tracker's lane. Throws when a file fails; what was read before is
    /// still delivered.
    public func run() throws(CaptureError) {
        defer { finish() }
        var finishedBytes: Int64 = 0
        for source in sources where !source.isLive {
            try readFile(source, finishedBytes: finishedBytes)
            finishedBytes += source.fileSize
            counters.filePosition.store(finishedBytes, ordering: .relaxed)
            if stop.isRequested { return }
        }
        if !liveShards.isEmpty { syncLive() }
    }

    private func readFile(_ source: PcapSource, finishedBytes: Int64) throws(CaptureError) {
        var count = 0
        defer { use(nil) }
        seenRegionGeneration = 0
        while try source.read({ frame, time in
            pace(to: time)
            if pacer != nil && stop.isRequested { return }
            if source.regionGeneration != seenRegionGeneration {
                seenRegionGeneration = source.regionGeneration
                use(source.region)
            }
            handle(frame, time: time, linkType: source.linkType)
        }) == .frame {
            count += 1
            if pacer != nil && stop.isRequested { return }
            if count & 0x3F == 0 && gate.isClosed { waitForGate() }
            if count & 0x3FF == 0 {
                publishCounters()
                counters.filePosition.store(finishedBytes + source.filePosition, ordering: .relaxed)
                if stop.isRequested { return }
            }
        }
    }

    func handle(_ frame: UnsafeRawBufferPointer, time: Int64, linkType: LinkType?) {
        if dispatching {
            statistics.packets += 1
            statistics.bytes += frame.count
        }
        lastTimeMicros = time
        if statistics.packets & 0x3F == 0 { takeNewPlan() }
        guard let linkType else {
            statistics.unsupportedLinkType += 1
            return
        }
        let packet: DecodedPacket
        do {
            packet = try PacketDecoder.decode(frame, linkType: linkType)
        } catch {
            statistics.undecodable[error.description, default: 0] += 1
            return
        }
        tracker.advance(to: time)
        calls.advance(to: time)
        if tracker.tableChanged || calls.mediaChanged {
            refreshTable()
            handOverIRIs()
        }
        if packet.fragment != nil,
            table.controlAddresses.contains(packet.source) || table.controlAddresses.contains(packet.destination)
        {
            reassembleControl(frame, packet: packet, time: time)
        } else if packet.transportProtocol == 17,
            table.isControl(
                source: packet.source,
                sourcePort: packet.sourcePort,
                destination: packet.destination,
                destinationPort: packet.destinationPort
            )
        {
            let payload = UnsafeRawBufferPointer(
                rebasing: frame[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]
            )
            control(payload, packet: packet, time: time)
            return
        } else if packet.transportProtocol == 17 || packet.transportProtocol == 6,
            table.isSIP(
                source: packet.source,
                sourcePort: packet.sourcePort,
                destination: packet.destination,
                destinationPort: packet.destinationPort
            )
        {
            sip(frame, packet: packet, time: time)
        }
        if dispatching { dispatch(frame, packet: packet, time: time) }
    }

    /// Sends the IRIs the trackers produced to the sequencer, on the trackers' own lane.
    func handOverIRIs() {
        let iris = tracker.takeIRIs() + calls.takeIRIs()
        guard !iris.isEmpty, let batch = freeIRIBatches.pop() else { return }
        batch.reset()
        batch.plan = tracker.currentPlan
        for iri in iris {
            let type = iri.isHI1 ? RecordEntry.hi1Type : UInt8(truncatingIfNeeded: iri.type.rawValue)
            batch.append(
                interceptIndex: iri.interceptIndex,
                cin: iri.cin,
                timeMicros: iri.timeMicros,
                iriType: type,
                payload: iri.payload
            )
        }
        inbox.push(batch, lane: trackerLane)
    }

    func refreshTable() {
        handOverAll()
        table = tracker.makeMatchTable(
            controlEndpoints: table.controlEndpoints,
            sipEndpoints: table.sipEndpoints,
            media: calls.mediaRoutes()
        )
    }

    /// With `--realtime`, waits until the packet is due; hands over open batches first so that what was read
    /// reaches the agencies while the replay waits.
    private func pace(to time: Int64) {
        guard var pacer else { return }
        defer { self.pacer = pacer }
        while let wait = pacer.delay(for: time), !stop.isRequested {
            takeNewPlan()
            handOverAll()
            publishCounters()
            pacer.sleep(microseconds: min(wait, 100_000))
        }
    }

    /// Waits while the capture gate is closed (a spool refuses records, or the sequence journal cannot be
    /// written): nothing more is read, so nothing is dropped; the time is counted for the summary.
    private func waitForGate() {
        let started = ReplayPacer.monotonicMicros()
        defer { counters.pausedMicros.add(ReplayPacer.monotonicMicros() - started, ordering: .relaxed) }
        while gate.isClosed && !stop.isRequested {
            publishCounters()
            ReplayPacer.pause(microseconds: 20_000)
        }
    }

    /// Applies the plans the store watcher left (warrants added, modified or ended), one after the other in the
    /// order of the store's changes, at this packet boundary.
    func takeNewPlan() {
        for plan in mailbox.take() {
            handOverAll()
            tracker.apply(plan, at: lastTimeMicros)
            calls.apply(plan, at: lastTimeMicros)
            table = tracker.makeMatchTable(
                controlEndpoints: plan.radiusServers,
                sipEndpoints: plan.sipServers,
                media: calls.mediaRoutes()
            )
            handOverIRIs()
        }
    }

    /// Makes the packet counters visible to the progress line (every 1024 frames, not per packet).
    func publishCounters() {
        counters.packets.store(statistics.packets, ordering: .relaxed)
        counters.bytes.store(statistics.bytes, ordering: .relaxed)
        counters.sessionsOpen.store(tracker.statistics.open, ordering: .relaxed)
        counters.callsOpen.store(calls.statistics.open, ordering: .relaxed)
    }

    private func finish() {
        publishCounters()
        handOverAll()
        for shard in shards { shard.input.close() }
        inbox.close(lane: trackerLane)
    }
}
