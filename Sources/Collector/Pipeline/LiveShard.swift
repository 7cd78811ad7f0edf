import Packets
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
/// into record batches for its sequencer lane. RADIUS and SIP frames (and IPv4 fragments to or from their servers)
/// are copied into control batches for the sync thread, which runs the session trackers and hands every shard the
/// new match table; a shard takes it between bursts of frames.
///
/// The shared control queue is touched once per batch of control frames, never per packet; everything else a
/// shard uses is its own.
public final class LiveShard: @unchecked Sendable {
    private let source: PcapSource
    private let lane: Int
    private let output: SequencerInbox
    private let control: BoundedQueue<ControlBatch>
    private let stop: StopSignal
    private let gate: CaptureGate
    private let table: Mutex<MatchTable>
    /// Emptied record batches back from the sequencer.
    public let freeRecords: BoundedQueue<RecordBatch>
    /// Emptied control batches back from the sync thread (which drops one when this pool is full, never waits).
    public let freeControl = BoundedQueue<ControlBatch>(capacity: 8)
    /// The shard's counters (frames, kernel drops, clock).
    public let counters: ShardCounters
    /// Frames that could not be decoded, by cause; read after the shard's thread has ended.
    public private(set) var undecodable: [String: Int] = [:]
    /// Bytes of the frames read; read after the shard's thread has ended.
    public private(set) var bytes = 0
    /// The read error that ended the shard, if any; read after the shard's thread has ended.
    public private(set) var failure: CaptureError?
    private var records: RecordBatch?
    private var controlBatch: ControlBatch?

    /// Creates shard `lane` reading `source`, sending control frames to `control`.
    public init(
        source: PcapSource,
        lane: Int,
        output: SequencerInbox,
        control: BoundedQueue<ControlBatch>,
        stop: StopSignal,
        gate: CaptureGate = CaptureGate(),
        table: MatchTable
    ) {
        self.source = source
        self.lane = lane
        self.output = output
        self.control = control
        self.stop = stop
        self.gate = gate
        self.table = Mutex(table)
        counters = ShardCounters(source: source.name, backlogLimit: 0)
        freeRecords = BoundedQueue(capacity: 8)
        for _ in 0..<8 { freeRecords.push(RecordBatch(owner: lane, records: 1024, arenaBytes: 1 << 19)) }
    }

    /// Gives the shard a new match table (the sync thread calls it); the shard uses it from its next burst.
    public func use(_ newTable: MatchTable) {
        table.withLock { $0 = newTable }
    }

    /// Captures until `stop` is requested or the handle fails, then hands over what it holds and closes its lane.
    public func run() {
        var poller = LivePoller(sources: [source])
        var frames = 0
        var nextDropCheck = Self.monotonicMillis()
        defer {
            flush()
            counters.frames.store(frames, ordering: .relaxed)
            counters.kernelDrops.store(Int(source.kernelDrops ?? 0), ordering: .relaxed)
            output.close(lane: lane)
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
                return
            }
            frames += burst
            counters.frames.store(frames, ordering: .relaxed)
            if dropping { counters.gateDrops.add(burst, ordering: .relaxed) }
            flush()
            let now = Self.monotonicMillis()
            if now >= nextDropCheck {
                nextDropCheck = now + 1000
                counters.kernelDrops.store(Int(source.kernelDrops ?? 0), ordering: .relaxed)
            }
            if burst == 0 { poller.wait(milliseconds: 100) }
        }
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
            packet = try PacketDecoder.decode(frame, linkType: linkType)
        } catch {
            undecodable[error.description, default: 0] += 1
            return
        }
        let isRADIUS =
            packet.transportProtocol == 17
            && table.isControl(
                source: packet.source,
                sourcePort: packet.sourcePort,
                destination: packet.destination,
                destinationPort: packet.destinationPort
            )
        if isRADIUS || isSessionProtocol(packet, table: table) {
            let batch = controlBatch ?? freeControl.tryPop() ?? ControlBatch(owner: lane)
            batch.append(frame, timeMicros: time, linkType: linkType)
            controlBatch = batch
        }
        guard !isRADIUS, table.hasRoutes else { return }
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
            into: batch
        )
    }

    /// SIP to or from a SIP server, or an IPv4 fragment to or from any session server.
    private func isSessionProtocol(_ packet: DecodedPacket, table: MatchTable) -> Bool {
        if packet.fragment != nil {
            return table.controlAddresses.contains(packet.source) || table.controlAddresses.contains(packet.destination)
        }
        return (packet.transportProtocol == 17 || packet.transportProtocol == 6)
            && table.isSIP(
                source: packet.source,
                sourcePort: packet.sourcePort,
                destination: packet.destination,
                destinationPort: packet.destinationPort
            )
    }

    /// Milliseconds of the monotonic clock (for reading the kernel's drop counter once a second).
    private static func monotonicMillis() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    /// Hands over the open record and control batches.
    private func flush() {
        if let batch = records {
            records = nil
            if batch.entries.isEmpty {
                freeRecords.push(batch)
            } else {
                output.push(batch, lane: lane)
            }
        }
        if let batch = controlBatch {
            controlBatch = nil
            control.push(batch)
        }
    }
}
