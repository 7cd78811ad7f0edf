import CUDPReceive
import ETSI
import Packets
import Stages
import Synchronization
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Receives the run's UDP sinks (OpenLI's `udpsinks`): mirrored traffic sent to the appliance itself rather than
/// through a capture interface. It waits on every sink's socket, reads each in batches of 64 datagrams (recvmmsg),
/// drops datagrams from a sender other than a sink's configured source, and writes CCs into record batches for its
/// sequencer lane: a raw sink's datagram is the IP packet of every warrant bound to the sink (CIN: the warrant's
/// session id); a shim sink's datagram is unwrapped as the vendor's mirror streams are.
///
/// An actor on a thread of its own. Session sync hands it each new match table, as it does the live shards; it takes
/// the table between batches.
public actor SinkReceiver {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let sockets: [UDPSinkSocket]
    private let lane: Int
    private let output: SequencerInbox
    private let stop: StopSignal
    private let gate: CaptureGate
    private let table = Mutex<MatchTable>(.empty)
    /// Emptied record batches back from the sequencer.
    public nonisolated let freeRecords: BoundedQueue<RecordBatch>
    /// What each sink received so far (read by status once a second).
    public nonisolated let statistics: Mutex<[SinkStatistics]>
    /// What became of the shim sinks' datagrams.
    public nonisolated let mirrors = Mutex<MirrorTally>(MirrorTally())
    private var records: RecordBatch?
    private var tally = MirrorTally()

    /// Creates the receiver of the bound `sinks`, writing to the sequencer's lane `lane`.
    init(
        sinks: SinkSockets,
        executor: StageExecutor,
        lane: Int,
        output: SequencerInbox,
        stop: StopSignal,
        gate: CaptureGate
    ) {
        sockets = sinks.sockets
        self.executor = executor
        self.lane = lane
        self.output = output
        self.stop = stop
        self.gate = gate
        statistics = Mutex(
            sinks.sinks.map { SinkStatistics(sink: $0.endpoint.description, encapsulation: $0.encapsulation.rawValue) }
        )
        freeRecords = BoundedQueue(capacity: 8)
        for _ in 0..<8 { freeRecords.push(RecordBatch(owner: lane, records: 1024, arenaBytes: 1 << 19)) }
    }

    /// Gives the receiver a new match table (session sync calls it); it is used from the next batch.
    public nonisolated func use(_ newTable: MatchTable) {
        table.withLock { $0 = newTable }
    }

    /// Receives until stop is requested, then hands over what it holds and closes its lane.
    public func run() {
        let descriptors = sockets.map(\.descriptor)
        var counts = statistics.withLock { $0 }
        defer {
            flush(&counts)
            output.close(lane: lane)
        }
        while !stop.isRequested {
            let current = table.withLock { $0 }
            let dropping = gate.isClosed
            let now = Self.wallClockMicros()
            var read = 0
            for (index, socket) in sockets.enumerated() {
                var rounds = 0
                while rounds < 16 {
                    let batch = socket.receive { payload, accepted, cutShort in
                        guard !dropping else { return }
                        handle(
                            payload,
                            accepted: accepted,
                            cutShort: cutShort,
                            socket: socket,
                            time: now,
                            table: current,
                            counts: &counts[index]
                        )
                    }
                    if batch == 0 { break }
                    counts[index].received += batch
                    read += batch
                    rounds += 1
                }
            }
            flush(&counts)
            if read == 0 {
                _ = descriptors.withUnsafeBufferPointer { openli_udp_wait($0.baseAddress, UInt32($0.count), 100) }
            }
        }
    }

    private func handle(
        _ payload: UnsafeRawBufferPointer,
        accepted: Bool,
        cutShort: Bool,
        socket: UDPSinkSocket,
        time: Int64,
        table: MatchTable,
        counts: inout SinkStatistics
    ) {
        guard accepted else {
            counts.wrongSource += 1
            return
        }
        guard !cutShort, let batch = openBatch(table) else {
            counts.unusable += 1
            return
        }
        let fallback = socket.sink.direction.payloadDirection
        if let format = socket.sink.encapsulation.vendor?.shimFormat {
            let before = batch.entries.count
            let intercepted = tally.count(of: format, .intercepted)
            FrameClassifier.classifyMirrored(
                payload: payload,
                format: format,
                fallback: fallback,
                timeMicros: time,
                table: table,
                into: batch,
                tally: &tally
            )
            if tally.count(of: format, .intercepted) > intercepted || batch.entries.count > before {
                counts.intercepted += 1
            } else {
                counts.unusable += 1
            }
            return
        }
        guard let routes = table.sinks[socket.endpoint] else {
            counts.unrouted += 1
            return
        }
        guard let packet = try? PacketDecoder.decode(payload, linkType: .rawIP) else {
            counts.unusable += 1
            return
        }
        counts.intercepted += 1
        let ipPacket = UnsafeRawBufferPointer(rebasing: payload[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
        for route in routes where route.covers(time) {
            batch.appendCC(interceptIndex: route.interceptIndex, cin: route.cin, timeMicros: time) { bytes in
                IPCCPayload.write(profile: route.profile, direction: fallback, ipPacket: ipPacket, into: &bytes)
            }
        }
    }

    /// The record batch being filled, taking a free one (for `table`'s plan) when none is; nil when every batch is
    /// with the sequencer.
    private func openBatch(_ table: MatchTable) -> RecordBatch? {
        if let records { return records }
        guard let free = freeRecords.pop() else { return nil }
        free.reset()
        free.plan = table.plan
        records = free
        return free
    }

    /// Hands over the open record batch and publishes the counts.
    private func flush(_ counts: inout [SinkStatistics]) {
        if let batch = records {
            records = nil
            if batch.entries.isEmpty {
                freeRecords.push(batch)
            } else {
                output.push(batch, lane: lane)
            }
        }
        let published = counts
        statistics.withLock { $0 = published }
        if !tally.isEmpty {
            let counted = tally
            mirrors.withLock { $0.merge(counted) }
            tally.reset()
        }
    }

    /// Microseconds since the epoch, from the system clock (sink datagrams carry no capture time).
    private static func wallClockMicros() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}

extension SinkDirection {
    /// The CC direction of a sink's datagrams when their shim does not give one.
    var payloadDirection: PayloadDirection {
        switch self {
        case .from: .fromTarget
        case .to: .toTarget
        case .both: .indeterminate
        }
    }
}
