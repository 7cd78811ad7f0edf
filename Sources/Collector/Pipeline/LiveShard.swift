import Packets
import Stages
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A shard that captures for itself: it reads one live handle of the interface's PACKET_FANOUT group (the kernel
/// gives it whole flows), decodes and classifies each frame where libpcap's ring holds it, and writes CC payloads
/// into record batches for its sequencer lane (tunnels stripped by the decoder, counted by kind). Session-protocol
/// frames (to or from a known server, and IPv4 or IPv6 fragments to or from one) are copied into batches for session sync, which runs the session trackers and hands
/// every shard the new match table; a shard takes it between bursts of frames.
///
/// An actor on a thread of its own. Session sync's input queue is touched once per batch of session frames, never
/// per packet; everything else a shard uses is its own.
public actor LiveShard {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let source: PcapSource
    private let lane: Int
    private let output: SequencerInbox
    private let sync: SyncInputQueue
    private let stop: StopSignal
    private let gate: CaptureGate
    private let table = Mutex<MatchTable>(.empty)
    /// Emptied record batches back from the sequencer.
    public nonisolated let freeRecords: BoundedQueue<RecordBatch>
    /// Emptied session-frame batches back from session sync (which drops one when this pool is full, never waits).
    public nonisolated let freeSessionFrames = BoundedQueue<SessionFrameBatch>(capacity: 8)
    /// The shard's counters (frames, kernel drops, clock).
    public nonisolated let counters: ShardCounters
    private var undecodable: [String: Int] = [:]
    private var encapsulations = EncapsulationCounts()
    private let decapsulation: DecapsulationSettings
    private var bytes = 0
    private var records: RecordBatch?
    private var sessionBatch: SessionFrameBatch?
    /// Mirrored datagrams counted since the last flush.
    private var mirrors = MirrorTally()

    /// Creates shard `lane` reading `source`, sending session-protocol frames to session sync's `sync` queue.
    public init(
        executor: StageExecutor,
        source: PcapSource,
        lane: Int,
        output: SequencerInbox,
        sync: SyncInputQueue,
        stop: StopSignal,
        gate: CaptureGate,
        decapsulation: DecapsulationSettings = .standard
    ) {
        self.executor = executor
        self.decapsulation = decapsulation
        self.source = source
        self.lane = lane
        self.output = output
        self.sync = sync
        self.stop = stop
        self.gate = gate
        counters = ShardCounters(source: source.name, backlogLimit: 0)
        freeRecords = BoundedQueue(capacity: 8)
        for _ in 0..<8 { freeRecords.push(RecordBatch(owner: lane, records: 1024, arenaBytes: 1 << 19)) }
    }

    /// Gives the shard a new match table (session sync calls it); the shard uses it from its next burst.
    public nonisolated func use(_ newTable: MatchTable) {
        table.withLock { $0 = newTable }
    }

    /// Captures until `stop` is requested or the handle fails, then hands over what it holds, closes its lane and
    /// tells session sync it has finished. Returns what it read, by cause, and the read error that ended it.
    public func run() -> (CaptureStatistics, CaptureError?) {
        var poller = LivePoller(sources: [source])
        var frames = 0
        var nextDropCheck = Self.monotonicMillis()
        var failure: CaptureError?
        defer {
            flush()
            counters.frames.store(frames, ordering: .relaxed)
            counters.bytes.store(bytes, ordering: .relaxed)
            counters.kernelDrops.store(Int(source.kernelDrops ?? 0), ordering: .relaxed)
            let counted = undecodable
            counters.undecodable.withLock { $0 = counted }
            output.close(lane: lane)
            sync.producerFinished()
        }
        while !stop.isRequested {
            let current = table.withLock { $0 }
            var burst = 0
            let dropping = gate.isClosed
            do throws(CaptureError) {
                while burst < 1024,
                    try source.read({ frame, time in
                        if dropping {
                            counters.latestTimeMicros.store(time, ordering: .relaxed)
                        } else {
                            handle(frame, time: time, table: current)
                        }
                    }) == .frame
                {
                    burst += 1
                }
            } catch {
                failure = error
                stop.request()
                break
            }
            frames += burst
            counters.frames.store(frames, ordering: .relaxed)
            counters.bytes.store(bytes, ordering: .relaxed)
            if dropping { counters.gateDrops.add(burst, ordering: .relaxed) }
            flush()
            let now = Self.monotonicMillis()
            if now >= nextDropCheck {
                nextDropCheck = now + 1000
                counters.kernelDrops.store(Int(source.kernelDrops ?? 0), ordering: .relaxed)
                if !undecodable.isEmpty {
                    let counted = undecodable
                    counters.undecodable.withLock { $0 = counted }
                }
                if !encapsulations.isEmpty {
                    let counted = encapsulations
                    counters.encapsulations.withLock { $0 = counted }
                }
            }
            if burst == 0 { poller.wait(milliseconds: 100) }
        }
        var statistics = CaptureStatistics()
        statistics.packets = frames
        statistics.bytes = bytes
        statistics.undecodable = undecodable
        statistics.encapsulations = encapsulations
        statistics.gateDrops = counters.gateDrops.load(ordering: .relaxed)
        return (statistics, failure)
    }

    private func handle(_ frame: UnsafeRawBufferPointer, time: Int64, table: MatchTable) {
        bytes += frame.count
        counters.latestTimeMicros.store(time, ordering: .relaxed)
        guard let linkType = source.linkType else {
            undecodable["unsupported link type", default: 0] += 1
            return
        }
        let packet: DecodedPacket
        do {
            packet = try PacketDecoder.decode(frame, linkType: linkType, decapsulation: decapsulation)
        } catch {
            undecodable[error.description, default: 0] += 1
            return
        }
        if !packet.encapsulations.isEmpty { encapsulations.add(packet.encapsulations) }
        var traffic = true
        if table.isServerFragment(packet) {
            keepForSync(frame, time: time, linkType: linkType)
        } else if let (_, server, _) = table.sessionServer(of: packet) {
            keepForSync(frame, time: time, linkType: linkType)
            traffic = server.carriesTraffic
        }
        guard traffic, table.hasRoutes else { return }
        let batch: RecordBatch
        if let open = records {
            batch = open
        } else {
            guard let free = freeRecords.pop() else { return }
            free.reset()
            free.plan = table.plan
            records = free
            batch = free
        }
        FrameClassifier.classify(
            packet,
            ipPacket: UnsafeRawBufferPointer(rebasing: frame[packet.ipOffset..<(packet.ipOffset + packet.ipLength)]),
            timeMicros: time,
            table: table,
            into: batch,
            mirrors: &mirrors
        )
    }

    /// Copies a session-protocol frame for session sync.
    private func keepForSync(_ frame: UnsafeRawBufferPointer, time: Int64, linkType: LinkType) {
        let batch = sessionBatch ?? freeSessionFrames.tryPop() ?? SessionFrameBatch(owner: lane)
        batch.append(frame, timeMicros: time, linkType: linkType)
        sessionBatch = batch
    }

    /// Milliseconds of the monotonic clock (for reading the kernel's drop counter once a second).
    private static func monotonicMillis() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    /// Hands over the open record and session-frame batches.
    private func flush() {
        counters.publish(&mirrors)
        if let batch = records {
            records = nil
            if batch.entries.isEmpty {
                freeRecords.push(batch)
            } else {
                output.push(batch, lane: lane)
            }
        }
        if let batch = sessionBatch {
            sessionBatch = nil
            sync.push(.sessionFrames(batch))
        }
    }
}
