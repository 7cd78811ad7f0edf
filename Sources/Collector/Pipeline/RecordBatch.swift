/// One record waiting for its sequence number: whose it is, and where its encoded payload sits in the batch.
public struct RecordEntry: Sendable {
    /// Index of the intercept in the run's `InterceptPlan`.
    public var interceptIndex: Int32
    /// The communication identity number.
    public var cin: UInt32
    /// Capture time of the packet or event, µs since the epoch.
    public var timeMicros: Int64
    /// A CC, an IRI of a type, or an HI1 notification.
    public var kind: RecordKind
    /// Where the encoded Payload element starts in the batch's arena.
    public var offset: Int
    /// Its length.
    public var length: Int

    /// Whether the record is a CC (else an IRI or HI1 notification).
    public var isCC: Bool { kind == .cc }
}

/// A reusable arena of encoded record payloads, handed from a shard or session sync to the sequencer.
public final class RecordBatch: @unchecked Sendable {
    // Safe to share: a batch is filled by one producer, handed to the sequencer through its inbox (which orders the
    // accesses), and used only by the sequencer until it goes back to the producer's pool.
    /// The payload elements, back to back.
    public var bytes: [UInt8]
    /// One entry per record.
    public var entries: [RecordEntry]
    /// Which producer (shard number, or the shard count for the session trackers) recycles this batch.
    public let owner: Int
    /// The plan the entries' intercept indexes refer to (the sequencer adopts it when it is newer than its own).
    public var plan: InterceptPlan?

    /// Creates an empty batch.
    public init(owner: Int, records: Int, arenaBytes: Int) {
        self.owner = owner
        bytes = []
        bytes.reserveCapacity(arenaBytes)
        entries = []
        entries.reserveCapacity(records)
    }

    /// Empties the batch, keeping its capacity.
    public func reset() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Appends an already-encoded payload (IRIs and HI1 notifications).
    public func append(interceptIndex: Int32, cin: UInt32, timeMicros: Int64, kind: RecordKind, payload: [UInt8]) {
        let offset = bytes.count
        bytes.append(contentsOf: payload)
        entries.append(
            RecordEntry(
                interceptIndex: interceptIndex,
                cin: cin,
                timeMicros: timeMicros,
                kind: kind,
                offset: offset,
                length: payload.count
            )
        )
    }

    /// Appends a CC whose payload `write` encodes straight into the arena (no copy).
    @inline(__always)
    func appendCC(interceptIndex: Int32, cin: UInt32, timeMicros: Int64, write: (inout [UInt8]) -> Void) {
        let offset = bytes.count
        write(&bytes)
        entries.append(
            RecordEntry(
                interceptIndex: interceptIndex,
                cin: cin,
                timeMicros: timeMicros,
                kind: .cc,
                offset: offset,
                length: bytes.count - offset
            )
        )
    }
}
