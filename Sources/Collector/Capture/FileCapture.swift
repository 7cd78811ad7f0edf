import Packets
import Stages
import Synchronization

/// The file capture stage: one actor, on a thread of its own, that reads every capture file in turn (at the pace of
/// its timestamps with `--realtime`), decodes each frame once and hands the frames to session sync in capture
/// order, in batches that refer to the mapped file where the frames lie (copies otherwise). Tunnels (VXLAN on the
/// run's ports, GRE, ERSPAN) are stripped by the decoder and counted by kind.
///
/// While the capture gate is closed (a spool or the sequence journal cannot take records) it stops reading, so
/// nothing is dropped; the time is counted for the summary.
public actor FileCapture {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let sources: [PcapSource]
    private let output: SyncInputQueue
    /// Batches back from session sync.
    public nonisolated let freeFrames = BoundedQueue<FrameBatch>(capacity: 16)
    private let counters: PipelineCounters
    private let stop: StopSignal
    private let gate: CaptureGate
    private var pacer: ReplayPacer?
    private let batchFrames: Int
    private var current: FrameBatch?
    private var currentRegion: MappedRegion?
    private var currentRegionID: ObjectIdentifier?
    private var currentRegionBase = UnsafeRawPointer(bitPattern: 1)
    private var currentRegionEnd = UnsafeRawPointer(bitPattern: 1)
    private var seenRegionGeneration = 0
    private var statistics = CaptureStatistics()
    private let decapsulation: DecapsulationSettings

    /// Creates the stage for `sources` (files), feeding `output`.
    public init(
        executor: StageExecutor,
        sources: [PcapSource],
        output: SyncInputQueue,
        counters: PipelineCounters,
        stop: StopSignal,
        gate: CaptureGate,
        realtime: Bool,
        batchFrames: Int = 512,
        decapsulation: DecapsulationSettings = .standard
    ) {
        self.decapsulation = decapsulation
        self.executor = executor
        self.sources = sources
        self.output = output
        self.counters = counters
        self.stop = stop
        self.gate = gate
        pacer = realtime ? ReplayPacer() : nil
        self.batchFrames = batchFrames
        counters.fileSize.store(sources.reduce(0) { $0 + $1.fileSize }, ordering: .relaxed)
    }

    /// Reads every file to its end (or until stop is requested), then tells session sync it has finished. Returns
    /// what it read, by cause, and the error of a file that failed (what was read before is still delivered).
    public func run() -> (CaptureStatistics, CaptureError?) {
        defer {
            handOver(endsBurst: true)
            publishCounters()
            output.producerFinished()
        }
        var finishedBytes: Int64 = 0
        do throws(CaptureError) {
            for source in sources {
                try read(source, finishedBytes: finishedBytes)
                finishedBytes += source.fileSize
                counters.filePosition.store(finishedBytes, ordering: .relaxed)
                if stop.isRequested { break }
            }
        } catch {
            return (statistics, error)
        }
        return (statistics, nil)
    }

    private func read(_ source: PcapSource, finishedBytes: Int64) throws(CaptureError) {
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
            take(frame, time: time, linkType: source.linkType)
        }) == .frame {
            count += 1
            if pacer != nil && stop.isRequested { return }
            if count & 0x3F == 0 && gate.isClosed {
                handOver(endsBurst: true)
                waitForGate()
            }
            if count & 0x3FF == 0 {
                publishCounters()
                counters.filePosition.store(finishedBytes + source.filePosition, ordering: .relaxed)
                if stop.isRequested { return }
            }
        }
    }

    /// Decodes a frame and adds it to the open batch: by reference when it lies in the mapped window, else copied.
    private func take(_ frame: UnsafeRawBufferPointer, time: Int64, linkType: LinkType?) {
        statistics.packets += 1
        statistics.bytes += frame.count
        guard let linkType else {
            statistics.unsupportedLinkType += 1
            return
        }
        let packet: DecodedPacket
        do {
            packet = try PacketDecoder.decode(frame, linkType: linkType, decapsulation: decapsulation)
        } catch {
            statistics.undecodable[error.description, default: 0] += 1
            return
        }
        if !packet.encapsulations.isEmpty { statistics.encapsulations.add(packet.encapsulations) }
        var offset = -1
        if let start = frame.baseAddress, let base = currentRegionBase, let end = currentRegionEnd, start >= base,
            start + frame.count <= end
        {
            offset = start - base
        }
        let batch: FrameBatch
        if let open = current, open.accepts(offset >= 0 ? currentRegionID : nil) {
            batch = open
        } else {
            handOver(endsBurst: false)
            batch =
                freeFrames.tryPop()
                ?? FrameBatch(frames: batchFrames, arenaBytes: 0, matchTable: .empty)
            batch.reset(matchTable: .empty)
            current = batch
        }
        if offset >= 0, let region = currentRegion {
            batch.append(offset: offset, in: region, length: frame.count, timeMicros: time, packet: packet)
        } else {
            batch.append(frame: frame, timeMicros: time, packet: packet)
        }
        if batch.slots.count >= batchFrames || batch.bytes.count >= batchFrames * 1600 - 1600 {
            handOver(endsBurst: false)
        }
    }

    /// Hands the open batch to session sync; `endsBurst` when reading pauses. While the capture gate is closed it
    /// waits first, and time spent blocked on a full queue during which the gate closed counts as waiting too (the
    /// stages after it were held up by the refusing spool).
    private func handOver(endsBurst: Bool) {
        guard let batch = current else { return }
        current = nil
        batch.endsBurst = endsBurst
        if gate.isClosed { waitForGate() }
        let started = ReplayPacer.monotonicMicros()
        let closings = gate.closingCount
        output.push(.frames(batch))
        if gate.isClosed || gate.closingCount != closings {
            counters.pausedMicros.add(ReplayPacer.monotonicMicros() - started, ordering: .relaxed)
        }
    }

    /// Makes `region` the window frames are referred to in (nil: frames are copied).
    private func use(_ region: MappedRegion?) {
        currentRegion = region
        currentRegionID = region.map(ObjectIdentifier.init)
        currentRegionBase = region?.base ?? UnsafeRawPointer(bitPattern: 1)
        currentRegionEnd = region.map { $0.base + $0.length } ?? UnsafeRawPointer(bitPattern: 1)
    }

    /// With `--realtime`, waits until the packet is due; hands over the open batch first so that what was read
    /// reaches the agencies while the replay waits.
    private func pace(to time: Int64) {
        guard var pacer else { return }
        defer { self.pacer = pacer }
        while let wait = pacer.delay(for: time), !stop.isRequested {
            handOver(endsBurst: true)
            publishCounters()
            pacer.sleep(microseconds: min(wait, 100_000))
        }
    }

    /// Waits while the capture gate is closed: nothing more is read, so nothing is dropped.
    private func waitForGate() {
        let started = ReplayPacer.monotonicMicros()
        defer { counters.pausedMicros.add(ReplayPacer.monotonicMicros() - started, ordering: .relaxed) }
        while gate.isClosed && !stop.isRequested {
            publishCounters()
            ReplayPacer.pause(microseconds: 20_000)
        }
    }

    /// Makes the frame counters visible to the progress line and metrics (every 1024 frames, not per packet).
    private func publishCounters() {
        counters.packets.store(statistics.packets, ordering: .relaxed)
        counters.bytes.store(statistics.bytes, ordering: .relaxed)
        if !statistics.undecodable.isEmpty || statistics.unsupportedLinkType > 0 {
            var undecodable = statistics.undecodable
            if statistics.unsupportedLinkType > 0 {
                undecodable["unsupported link type"] = statistics.unsupportedLinkType
            }
            counters.undecodable.withLock { [undecodable] in $0 = undecodable }
        }
        if !statistics.encapsulations.isEmpty {
            let counted = statistics.encapsulations
            counters.encapsulations.withLock { $0 = counted }
        }
    }
}
