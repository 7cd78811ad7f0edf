import ETSI

/// Numbers records and stitches them into whole PS-PDUs (DESIGN §4).
///
/// Every record of every intercept passes this one sequencer, so numbering needs no lock: per (LIID, CIN) the IRIs
/// and the CCs are numbered apart, from 0, with no gap. The PS-PDU is the outer SEQUENCE, the pre-encoded header
/// with CIN, sequence number and timestamp, and the payload element the producer already encoded; nothing is
/// re-encoded. Output is buffered per agency and handover and handed to the sink once per input batch.
///
/// Confined to the sequencer thread once the pipeline starts; its counters are read after that thread is joined.
public final class Sequencer: @unchecked Sendable {
    struct StreamKey: Hashable {
        var intercept: Int32
        var cin: UInt32
        var isCC: Bool
    }

    private var plan: InterceptPlan
    private let sink: any RecordSink
    private let journal: SequenceJournal?
    private var nextNumber: [StreamKey: UInt64] = [:]
    private var advanced: Set<StreamKey> = []
    /// Records whose intercept the sequencer's plan does not know (a pipeline fault; never expected).
    public private(set) var unplaced = 0
    /// Journal writes that failed (records were still delivered; a restart may then repeat numbers).
    public private(set) var journalFailures = 0
    private var buffers: [[UInt8]]
    private var pendingRecords: [Int]
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

    /// Creates the sequencer of a run; with a journal, streams known from earlier runs continue their numbering.
    /// With `resetUnknownStreams`, a stream the journal does not know is announced with a cINReset TRI first.
    public init(
        plan: InterceptPlan,
        sink: any RecordSink,
        journal: SequenceJournal? = nil,
        resetUnknownStreams: Bool = false
    ) {
        self.plan = plan
        self.sink = sink
        self.journal = journal
        self.resetUnknownStreams = resetUnknownStreams
        let slots = plan.agencies.count * Handover.allCases.count
        buffers = (0..<slots).map { _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 16)
            return buffer
        }
        pendingRecords = Array(repeating: 0, count: slots)
        counters = plan.intercepts.map { InterceptCounters(liid: $0.liid) }
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
        flush()
    }

    private func append(_ entry: RecordEntry, payload: UnsafeRawBufferPointer) {
        guard plan.intercepts.indices.contains(Int(entry.interceptIndex)) else {
            unplaced += 1
            return
        }
        let intercept = plan.intercepts[Int(entry.interceptIndex)]
        let key = StreamKey(intercept: entry.interceptIndex, cin: entry.cin, isCC: entry.isCC)
        let slot = intercept.agencyIndex * Handover.allCases.count + (entry.isCC ? 1 : 0)
        let number: UInt64
        if let known = nextNumber[key] {
            number = known
        } else if let restored = journal?.next[SequenceStreamKey(liid: intercept.liid, cin: key.cin, isCC: key.isCC)] {
            number = restored
        } else {
            number = 0
            if resetUnknownStreams && entry.iriType != RecordEntry.hi1Type {
                TRIPayload.cinReset.withUnsafeBytes { reset in
                    PSPDUWriter.write(
                        header: intercept.header,
                        cin: entry.cin,
                        sequence: 0,
                        time: Timestamp(epochMicros: entry.timeMicros),
                        payload: reset,
                        into: &buffers[slot]
                    )
                }
                pendingRecords[slot] += 1
                cinResets += 1
            }
        }
        nextNumber[key] = number + 1
        if journal != nil { advanced.insert(key) }
        let before = buffers[slot].count
        PSPDUWriter.write(
            header: intercept.header,
            cin: entry.cin,
            sequence: number,
            time: Timestamp(epochMicros: entry.timeMicros),
            payload: payload,
            into: &buffers[slot]
        )
        bytes += buffers[slot].count - before
        pendingRecords[slot] += 1
        records += 1
        let index = Int(entry.interceptIndex)
        if entry.isCC {
            counters[index].ccs += 1
        } else if entry.iriType == RecordEntry.hi1Type {
            counters[index].hi1 += 1
            return
        } else if Int(entry.iriType) < counters[index].irisByType.count {
            counters[index].irisByType[Int(entry.iriType)] += 1
        }
        counters[index].cins.insert(entry.cin)
    }

    /// Takes a newer plan: its warrants keep their indexes, new warrants and agencies come at the end.
    private func adopt(_ newer: InterceptPlan) {
        plan = newer
        for intercept in newer.intercepts.dropFirst(counters.count) {
            counters.append(InterceptCounters(liid: intercept.liid))
        }
        while buffers.count < newer.agencies.count * Handover.allCases.count {
            buffers.append([])
            pendingRecords.append(0)
        }
    }

    /// Journals the streams this batch advanced, then hands every non-empty buffer to the sink.
    public func flush() {
        if let journal, !advanced.isEmpty {
            let changes = advanced.map { key in
                (
                    SequenceStreamKey(liid: plan.intercepts[Int(key.intercept)].liid, cin: key.cin, isCC: key.isCC),
                    nextNumber[key] ?? 0
                )
            }
            advanced.removeAll(keepingCapacity: true)
            do {
                try journal.record(changes)
            } catch {
                journalFailures += 1
            }
        }
        for slot in buffers.indices where !buffers[slot].isEmpty {
            let handover: Handover = slot % 2 == 0 ? .hi2 : .hi3
            sink.deliver(
                agencyIndex: slot / 2,
                handover: handover,
                bytes: buffers[slot],
                records: pendingRecords[slot]
            )
            buffers[slot].removeAll(keepingCapacity: true)
            pendingRecords[slot] = 0
        }
    }
}
