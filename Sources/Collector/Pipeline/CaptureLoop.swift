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
    private let counters: PipelineCounters
    private let stop: StopSignal
    let batchFrames: Int
    let frameArenaBytes: Int
    private var controlAddresses: Set<IPAddress>
    private let mailbox: PlanMailbox
    private var lastTimeMicros: Int64 = 0
    private var pacer: ReplayPacer?
    var reassembler = IPv4Reassembler()
    var table: MatchTable
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
        counters: PipelineCounters,
        stop: StopSignal,
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
        self.batchFrames = batchFrames
        frameArenaBytes = batchFrames * 1600
        trackerLane = shards.count
        controlAddresses = Set((plan.radiusServers.union(plan.sipServers)).map(\.address))
        table = tracker.makeMatchTable(controlEndpoints: plan.radiusServers, sipEndpoints: plan.sipServers, media: [:])
        current = Array(repeating: nil, count: shards.count)
        freeIRIBatches = BoundedQueue(capacity: 8)
        for _ in 0..<8 { freeIRIBatches.push(RecordBatch(owner: shards.count, records: 64, arenaBytes: 16_384)) }
        counters.fileSize.store(sources.reduce(0) { $0 + $1.fileSize }, ordering: .relaxed)
    }

    /// Returns an IRI batch after the sequencer is done with it.
    public func recycle(_ batch: RecordBatch) {
        freeIRIBatches.push(batch)
    }

    /// Reads every source to its end (files) or until `stop` is set (live), then closes the shards' inputs and the
    /// tracker's lane. Throws when a source fails; what was read before is still delivered.
    public func run() throws(CaptureError) {
        defer { finish() }
        var finishedBytes: Int64 = 0
        for source in sources where !source.isLive {
            try readFile(source, finishedBytes: finishedBytes)
            finishedBytes += source.fileSize
            counters.filePosition.store(finishedBytes, ordering: .relaxed)
            if stop.isRequested { return }
        }
        let live = sources.filter(\.isLive)
        if !live.isEmpty { try readLive(live) }
    }

    private func readFile(_ source: PcapSource, finishedBytes: Int64) throws(CaptureError) {
        var count = 0
        defer { use(nil) }
        seenRegionGeneration = 0
        while try source.read({ frame, time in
            pace(to: time)
            if source.regionGeneration != seenRegionGeneration {
                seenRegionGeneration = source.regionGeneration
                use(source.region)
            }
            handle(frame, time: time, linkType: source.linkType)
        }) == .frame {
            count += 1
            if count & 0x3FF == 0 {
                publishCounters()
                counters.filePosition.store(finishedBytes + source.filePosition, ordering: .relaxed)
                if stop.isRequested { return }
            }
        }
    }

    private func readLive(_ sources: [PcapSource]) throws(CaptureError) {
        var poller = LivePoller(sources: sources)
        while !stop.isRequested {
            var got = false
            for source in sources {
                var burst = 0
                while burst < 1024,
                    try source.read({ frame, time in handle(frame, time: time, linkType: source.linkType) }) == .frame
                {
                    burst += 1
                }
                got = got || burst > 0
            }
            publishCounters()
            if !got {
                takeNewPlan()
                handOverAll()
                statistics.kernelDrops = sources.reduce(0) { $0 + ($1.kernelDrops ?? 0) }
                poller.wait(milliseconds: 100)
            }
        }
    }

    private func handle(_ frame: UnsafeRawBufferPointer, time: Int64, linkType: LinkType?) {
        statistics.packets += 1
        statistics.bytes += frame.count
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
            controlAddresses.contains(packet.source) || controlAddresses.contains(packet.destination)
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
        dispatch(frame, packet: packet, time: time)
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

    /// Applies a plan the store watcher left (a warrant was added, modified or ended) at this packet boundary.
    private func takeNewPlan() {
        guard let plan = mailbox.take() else { return }
        handOverAll()
        tracker.apply(plan, at: lastTimeMicros)
        calls.apply(plan, at: lastTimeMicros)
        controlAddresses = Set((plan.radiusServers.union(plan.sipServers)).map(\.address))
        table = tracker.makeMatchTable(
            controlEndpoints: plan.radiusServers,
            sipEndpoints: plan.sipServers,
            media: calls.mediaRoutes()
        )
        handOverIRIs()
    }

    /// Makes the packet counters visible to the progress line (every 1024 frames, not per packet).
    private func publishCounters() {
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
