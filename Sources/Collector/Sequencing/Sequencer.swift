import ETSI

/// Numbers records and stitches them into whole PS-PDUs (DESIGN §4).
///
/// Every record of every intercept passes this one sequencer, so numbering needs no lock: per (LIID, CIN) the IRIs
/// and the CCs are numbered apart, from 0, with no gap. The PS-PDU is the outer SEQUENCE, the pre-encoded header
/// with CIN, sequence number and timestamp, and the payload element the producer already encoded; nothing is
/// re-encoded. Output is buffered per agency and handover and handed to the sink once per input batch.
///
/// Owned by the sequencer stage (handed to it with `sending`), which alone uses it.
public final class Sequencer {
    /// A numbering stream: an intercept's IRIs (and HI1 notifications) or CCs of one CIN.
    struct StreamKey: Hashable {
        var intercept: Int32
        var cin: UInt32
        var isCC: Bool
    }

    private var plan: InterceptPlan
    private let sink: any RecordSink
    private let journal: SequenceJournal?
    private var nextNumber: [StreamKey: UInt64] = [:]
    /// The streams the current batch advanced, with their next number before it (nil: the stream was new).
    private var advancedFrom: [StreamKey: UInt64?] = [:]
    private let gate: CaptureGate?
    private let stop: StopSignal?
    /// Records whose intercept the sequencer's plan does not know (a pipeline fault; never expected).
    public private(set) var unplaced = 0
    /// Journal writes that failed (each was tried again; no record leaves before its numbers are journaled).
    public private(set) var journalFailures = 0
    /// Records not handed over because their numbers could not be journaled before the run was stopped (their
    /// numbers were taken back, so the streams have no gap).
    public private(set) var recordsNotJournaled = 0
    /// Output per agency and handover: the PS-PDUs of the current batch and how many records they are.
    private var output = SequencerOutput()
    /// Payload encryption and integrity checks of the agencies that want them.
    private let protector: RecordProtector
    /// Where each output goes: the agency (by name, its identity for the run) and the handover.
    private var destinations: [(agency: String, handover: Handover)] = []
    /// The HI2 and HI3 outputs of each intercept, by intercept index.
    private var outputsOfIntercept: [(hi2: Int, hi3: Int)] = []
    /// Per-intercept counters, indexed like `plan.intercepts`.
    public private(set) var counters: [InterceptCounters]
    /// Records numbered so far.
    public private(set) var records = 0
    /// Bytes of PS-PDUs produced so far.
    public private(set) var bytes = 0

    /// Whether a stream the journal does not know starts with a cINReset TRI (the numbering state was lost, so
    /// the agency may already hold numbers of it).
    private let resetUnknownStreams: Bool
    /// cINReset TRIs sent.
    public private(set) var cinResets = 0
    /// Integrity hash TRIs sent.
    public var hashChecks: Int { protector.hashChecks }
    /// Integrity signature TRIs sent.
    public var signatureChecks: Int { protector.signatureChecks }
    /// PDUs not sent because encryption or signing failed (never expected; nothing goes out unprotected).
    public var protectionFailures: Int { protector.failures }

    /// Creates the sequencer of a run; with a journal, streams known from earlier runs continue their numbering.
    /// With `resetUnknownStreams`, a stream the journal does not know is announced with a cINReset TRI first.
    /// While the journal cannot be written the sequencer holds `gate` closed and tries again until it can, or
    /// until `stop` is requested. `clock` (µs since the epoch; the system clock by default) times the integrity
    /// checks and stamps them.
    public init(
        plan: InterceptPlan,
        sink: any RecordSink,
        journal: SequenceJournal? = nil,
        resetUnknownStreams: Bool = false,
        gate: CaptureGate? = nil,
        stop: StopSignal? = nil,
        clock: (() -> Int64)? = nil
    ) {
        self.plan = plan
        self.sink = sink
        self.journal = journal
        self.gate = gate
        self.stop = stop
        self.resetUnknownStreams = resetUnknownStreams
        protector = RecordProtector(clock: clock ?? RecordProtector.wallClockMicros)
        counters = plan.intercepts.map { InterceptCounters(liid: $0.liid) }
        addOutputs(for: plan)
        protector.adopt(plan, previous: nil, output: &output)
    }

    /// Numbers and encodes every record of a batch, then hands the output to the sink.
    public func process(_ batch: RecordBatch) {
        if let newer = batch.plan, newer.generation > plan.generation { adopt(newer) }
        batch.bytes.withUnsafeBytes { arena in
            for entry in batch.entries {
                append(
                    entry,
                    payload: UnsafeRawBufferPointer(rebasing: arena[entry.offset..<(entry.offset + entry.length)])
                )
            }
        }
        protector.sendTimedChecks(plan: plan, output: &output, afterBatch: true)
        flush()
    }

    /// Whether integrity checks wait to be sent on time: the stage then wakes up when idle to call ``tick()``.
    public var hasPendingChecks: Bool { protector.hasPendingChecks }

    /// Sends the integrity checks that are due on time.
    public func tick() {
        protector.sendTimedChecks(plan: plan, output: &output)
        flush()
    }

    /// Sends the final integrity checks of every stream (the run stops).
    public func finish() {
        protector.finish(plan: plan, output: &output)
        flush()
    }

    private func append(_ entry: RecordEntry, payload: UnsafeRawBufferPointer) {
        guard plan.intercepts.indices.contains(Int(entry.interceptIndex)) else {
            unplaced += 1
            return
        }
        let intercept = plan.intercepts[Int(entry.interceptIndex)]
        let key = StreamKey(intercept: entry.interceptIndex, cin: entry.cin, isCC: entry.isCC)
        let outputs = outputsOfIntercept[Int(entry.interceptIndex)]
        let slot = entry.isCC ? outputs.hi3 : outputs.hi2
        let number: UInt64
        if let known = nextNumber[key] {
            number = known
        } else if let restored = journal?.next[SequenceStreamKey(liid: intercept.liid, cin: key.cin, isCC: key.isCC)] {
            number = restored
        } else {
            number = 0
            if resetUnknownStreams && entry.kind != .hi1 {
                writeCINReset(intercept, cin: entry.cin, isCC: entry.isCC, timeMicros: entry.timeMicros, slot: slot)
            }
        }
        if journal != nil, advancedFrom.index(forKey: key) == nil { advancedFrom[key] = .some(nextNumber[key]) }
        nextNumber[key] = number + 1
        let before = output.buffers[slot].count
        if protector.protects(entry.interceptIndex) {
            protector.write(
                intercept,
                cin: entry.cin,
                sequence: number,
                time: Timestamp(epochMicros: entry.timeMicros),
                payload: payload,
                kind: entry.kind,
                slot: slot,
                output: &output
            )
        } else {
            PSPDUWriter.write(
                header: intercept.header,
                cin: entry.cin,
                sequence: number,
                time: Timestamp(epochMicros: entry.timeMicros),
                payload: payload,
                into: &output.buffers[slot]
            )
            output.pendingRecords[slot] += 1
        }
        bytes += output.buffers[slot].count - before
        records += 1
        let index = Int(entry.interceptIndex)
        switch entry.kind {
        case .cc:
            counters[index].ccs += 1
        case .hi1:
            counters[index].hi1 += 1
            return
        case .iri(let type):
            if type.rawValue < counters[index].irisByType.count { counters[index].irisByType[type.rawValue] += 1 }
        }
        counters[index].cins.insert(entry.cin)
    }

    /// Announces that a stream's numbering starts again (its state was lost): a cINReset TRI.
    private func writeCINReset(_ intercept: Intercept, cin: UInt32, isCC: Bool, timeMicros: Int64, slot: Int) {
        TRIPayload.cinReset.withUnsafeBytes { reset in
            if protector.protects(intercept.index) {
                protector.writeTRI(
                    intercept,
                    cin: cin,
                    sequence: 0,
                    time: Timestamp(epochMicros: timeMicros),
                    payload: reset,
                    isCC: isCC,
                    slot: slot,
                    output: &output
                )
            } else {
                PSPDUWriter.write(
                    header: intercept.header,
                    cin: cin,
                    sequence: 0,
                    time: Timestamp(epochMicros: timeMicros),
                    payload: reset,
                    into: &output.buffers[slot]
                )
                output.pendingRecords[slot] += 1
            }
        }
        cinResets += 1
    }

    /// Takes a newer plan: its warrants keep their indexes, new warrants and agencies come at the end.
    private func adopt(_ newer: InterceptPlan) {
        let previous = plan
        plan = newer
        for intercept in newer.intercepts.dropFirst(counters.count) {
            counters.append(InterceptCounters(liid: intercept.liid))
        }
        addOutputs(for: newer)
        protector.adopt(newer, previous: previous, output: &output)
    }

    /// Gives every intercept of `plan` its agency's HI2 and HI3 outputs, adding those of agencies not seen yet.
    private func addOutputs(for plan: InterceptPlan) {
        var index: [String: Int] = [:]
        for (slot, destination) in destinations.enumerated() where destination.handover == .hi2 {
            index[destination.agency] = slot
        }
        outputsOfIntercept = plan.intercepts.map { intercept in
            if let hi2 = index[intercept.agency] { return (hi2, hi2 + 1) }
            let hi2 = destinations.count
            destinations.append((intercept.agency, .hi2))
            destinations.append((intercept.agency, .hi3))
            for _ in Handover.allCases { _ = output.addSlot() }
            index[intercept.agency] = hi2
            return (hi2, hi2 + 1)
        }
    }

    /// Journals the streams this batch advanced, then hands every non-empty buffer to the sink. No record leaves
    /// before its number is journaled (a restart must never reuse one): while the journal cannot be written
    /// (a full disk), capture is held and the write tried again every 100 ms; if the run is stopped first, the
    /// batch's records are counted in `recordsNotJournaled` and their numbers taken back.
    public func flush() {
        guard journalAdvancedStreams() else {
            for (key, previous) in advancedFrom { nextNumber[key] = previous }
            advancedFrom.removeAll(keepingCapacity: true)
            for slot in output.buffers.indices {
                recordsNotJournaled += output.pendingRecords[slot]
                output.clear(slot)
            }
            return
        }
        for slot in output.buffers.indices where !output.buffers[slot].isEmpty {
            sink.deliver(
                agency: destinations[slot].agency,
                handover: destinations[slot].handover,
                bytes: output.buffers[slot],
                records: output.pendingRecords[slot]
            )
            output.clear(slot)
        }
    }

    /// Writes the advanced streams' next numbers to the journal, trying again while it fails; false when the run
    /// was stopped before the write succeeded.
    private func journalAdvancedStreams() -> Bool {
        guard let journal, !advancedFrom.isEmpty else { return true }
        let changes = advancedFrom.keys.map { key in
            (
                SequenceStreamKey(liid: plan.intercepts[Int(key.intercept)].liid, cin: key.cin, isCC: key.isCC),
                nextNumber[key] ?? 0
            )
        }
        var held = false
        defer { if held { gate?.release(Self.journalGateKey) } }
        while true {
            do {
                try journal.record(changes)
                advancedFrom.removeAll(keepingCapacity: true)
                return true
            } catch {
                journalFailures += 1
                if stop?.isRequested ?? true { return false }
                if !held {
                    held = true
                    gate?.hold(Self.journalGateKey, reason: error.description)
                }
                ReplayPacer.pause(microseconds: 100_000)
            }
        }
    }

    private static let journalGateKey = "sequence journal"
}
