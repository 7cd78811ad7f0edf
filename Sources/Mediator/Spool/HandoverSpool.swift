/// The on-disk spool of one agency's handover (HI2 or HI3): every record goes in, in order, and leaves only once
/// the agency has acknowledged it. It survives a restart of the process.
///
/// The directory holds append-only segment files `seg-<16 hex digits of the first record's index>.spool`, each a
/// run of entries (a 16-byte header with magic, length, record count and CRC-32C, then one or more whole PS-PDUs),
/// a `state` file with the acknowledged cursor, and a `lock` file that keeps a second process out.
///
/// Two cursors: `acknowledged` (persisted; fully acknowledged segments are deleted) and `sent` (in memory; after
/// a reconnect `rewindToAcknowledged()` sends again what was not acknowledged). Not thread-safe: use it from one
/// event loop or thread.
public final class HandoverSpool {
    /// The spool's directory.
    public let directory: String
    /// The most unacknowledged bytes (entry headers included) the spool holds.
    public let quotaBytes: Int64
    /// The size at which the current segment file is closed and a new one started.
    public let segmentBytes: Int64
    /// Free space on the spool's file system that ordinary appends leave alone: records already produced when the
    /// spool first refuses one (the connection's in-memory queue) still fit into it at the end of a run.
    public let reserveBytes: Int64

    var segments: [SpoolSegment]
    var tail: SpoolFile
    var sendFile: (segment: UInt64, file: SpoolFile)?
    var acknowledged: SpoolPosition
    var sent: SpoolPosition
    var storedBytes: Int64
    var storedRecords: Int
    let reader = SpoolReader(capacity: 1 << 20)
    private let lock: SpoolFile

    /// Bytes dropped as torn or damaged: at open (a partial or failing entry at the end of a segment after a crash,
    /// or damage in the middle, after which the rest of that segment is dropped) and when damage is met while
    /// sending.
    public internal(set) var recoveredTruncatedBytes: Int64

    /// Opens the spool in `directory` (created with mode 0700 if missing, parents too) and recovers it: reads the
    /// state file, verifies every entry of every segment, and truncates each segment at its last whole entry.
    public init(
        directory: String,
        quotaBytes: Int64,
        segmentBytes: Int = 64 << 20,
        reserveBytes: Int64 = 0
    ) throws(SpoolError) {
        guard quotaBytes > 0, segmentBytes > 0, reserveBytes >= 0 else {
            throw SpoolError(.invalidArgument, "quota and segment size must be positive, the reserve not negative")
        }
        self.directory = directory
        self.quotaBytes = quotaBytes
        self.segmentBytes = Int64(segmentBytes)
        self.reserveBytes = reserveBytes
        try SpoolDirectory.create(directory)
        lock = try SpoolFile(opening: directory + "/lock", create: true)
        guard try lock.tryLock() else { throw SpoolError(.io, "spool \(directory) is in use by another process") }
        let recovery = try Self.recover(directory: directory, reader: reader)
        segments = recovery.segments
        tail = recovery.tail
        acknowledged = recovery.acknowledged
        sent = recovery.acknowledged
        storedBytes = recovery.segments.reduce(0) { $0 + $1.bytes }
        storedRecords = recovery.segments.reduce(0) { $0 + $1.records }
        recoveredTruncatedBytes = recovery.truncatedBytes
        try moveAcknowledged(to: recovery.acknowledged, segmentIndex: 0, writeState: true)
    }

    /// Appends one entry: `bytes` holds `records` whole PS-PDUs, concatenated. Written, not flushed (see `sync()`).
    ///
    /// Throws `.quotaExceeded` when the unacknowledged bytes would pass the quota, `.diskFull` when the file system
    /// is full or the entry would eat into the reserve (nothing is written or dropped either way: wait for
    /// acknowledgements and retry), `.io` when the write fails otherwise, `.invalidArgument` when the entry could
    /// never fit. `beyondLimits` ignores the quota and the reserve: for records already produced at the end of a
    /// run, which must not be lost.
    public func append(_ bytes: UnsafeRawBufferPointer, records: Int, beyondLimits: Bool = false) throws(SpoolError) {
        guard records > 0, records <= Int(UInt32.max), bytes.count <= Int(UInt32.max) else {
            throw SpoolError(.invalidArgument, "an entry needs 1 to 2^32-1 records and at most 2^32-1 bytes")
        }
        let entryBytes = Int64(SpoolEntryHeader.size + bytes.count)
        guard entryBytes <= quotaBytes else {
            throw SpoolError(.invalidArgument, "an entry of \(entryBytes) bytes can never fit the quota")
        }
        guard beyondLimits || unacknowledgedBytes + entryBytes <= quotaBytes else {
            throw SpoolError(
                .quotaExceeded,
                "spool \(directory) holds \(unacknowledgedBytes) unacknowledged bytes, quota \(quotaBytes)"
            )
        }
        if let last = segments.last, last.bytes > 0, last.bytes + entryBytes > segmentBytes {
            try rotate()
        }
        if !beyondLimits, reserveBytes > 0, let available = tail.availableBytes(), available < entryBytes + reserveBytes
        {
            throw SpoolError(
                .diskFull,
                "spool \(directory): \(available) bytes free on its file system, \(reserveBytes) kept in reserve"
            )
        }
        let last = segments.count - 1
        let offset = segments[last].bytes
        let header = SpoolEntryHeader(payload: bytes, records: UInt32(records))
        let result = withUnsafeTemporaryAllocation(byteCount: SpoolEntryHeader.size, alignment: 4) { raw in
            header.encode(into: raw)
            return Result { () throws(SpoolError) in try tail.write(UnsafeRawBufferPointer(raw), bytes, at: offset) }
        }
        if case .failure(let failure) = result {
            try? tail.truncate(to: offset)
            throw failure
        }
        segments[last].bytes += entryBytes
        segments[last].records += records
        storedBytes += entryBytes
        storedRecords += records
    }

    /// The next entries after the sent cursor, payloads concatenated: as many whole entries as fit in `maxBytes`,
    /// at least one, from one segment. Advances the sent cursor; nil when everything has been sent.
    ///
    /// Throws `.corrupt` when an entry fails its checks: the rest of its segment is dropped (counted in
    /// `recoveredTruncatedBytes`) and the next call goes on after it.
    public func nextToSend(maxBytes: Int) throws(SpoolError) -> (bytes: [UInt8], records: Int, end: SpoolPosition)? {
        var index = 0
        if acknowledged <= sent, let found = segmentIndex(of: sent) { index = found } else { sent = acknowledged }
        while sent.offset >= segments[index].bytes {
            guard index + 1 < segments.count else { return nil }
            index += 1
            sent = segments[index].start
        }
        let segment = segments[index]
        let file = try self.file(at: index)
        var output: [UInt8] = []
        output.reserveCapacity(Int(min(Int64(max(maxBytes, 0)), segment.bytes - sent.offset)))
        var offset = sent.offset
        var records = 0
        entries: while offset < segment.bytes {
            let damage: String
            switch try reader.readHeader(file, segment: segment.first, limit: segment.bytes, at: offset) {
            case .damaged(let reason):
                damage = reason
            case .valid(let header):
                if records > 0 && output.count + Int(header.length) > maxBytes { break entries }
                let check = try reader.readPayload(
                    file,
                    segment: segment.first,
                    limit: segment.bytes,
                    header: header,
                    at: offset
                ) { output.append(contentsOf: $0) }
                guard case .damaged(let reason) = check else {
                    offset += header.entryBytes
                    records += Int(header.records)
                    continue entries
                }
                damage = reason
            }
            let record = sent.record + UInt64(records)
            try dropRest(
                ofSegmentAt: index,
                from: SpoolPosition(segment: segment.first, offset: offset, record: record)
            )
            throw SpoolError(.corrupt, "\(file.path): \(damage); dropped the rest of the segment")
        }
        sent = SpoolPosition(segment: segment.first, offset: offset, record: sent.record + UInt64(records))
        return (output, records, sent)
    }

    /// Moves the acknowledged cursor to `position` (a position this spool returned) if it is ahead, persists it,
    /// and deletes the segments it has passed completely. Moves the sent cursor along if it was behind.
    public func acknowledge(upTo position: SpoolPosition) throws(SpoolError) {
        guard acknowledged < position else { return }
        guard let index = segmentIndex(of: position) else {
            throw SpoolError(.invalidArgument, "position \(position) is not in spool \(directory)")
        }
        let segment = segments[index]
        guard position.offset < segment.bytes else {
            try moveAcknowledged(to: segment.end, segmentIndex: index, writeState: false)
            return
        }
        guard position.record >= segment.first, position.record <= segment.endRecord else {
            throw SpoolError(.invalidArgument, "position \(position) is not in spool \(directory)")
        }
        try moveAcknowledged(to: position, segmentIndex: index, writeState: false)
    }

    /// Moves the sent cursor back to the acknowledged one: after a reconnect, everything not acknowledged is sent
    /// again, in order.
    public func rewindToAcknowledged() {
        sent = acknowledged
    }

    /// Flushes the current segment file to the disk. `append` does not flush; call this before acknowledging
    /// upstream, or periodically.
    public func sync() throws(SpoolError) {
        try tail.sync()
    }

    /// Where the next `nextToSend()` starts.
    public var sentPosition: SpoolPosition { sent }

    /// Everything before this position has been acknowledged.
    public var acknowledgedPosition: SpoolPosition { acknowledged }

    /// Records in the spool not yet acknowledged.
    public var unacknowledgedRecords: Int {
        storedRecords - Int(acknowledged.record - segments[0].first)
    }

    /// Bytes (entry headers included) in the spool not yet acknowledged; what the quota limits.
    public var unacknowledgedBytes: Int64 {
        storedBytes - acknowledged.offset
    }

    /// Records after the sent cursor.
    public var unsentRecords: Int {
        guard let index = segmentIndex(of: sent) else { return unacknowledgedRecords }
        let later = segments[index...].reduce(0) { $0 + $1.records }
        return later - Int(sent.record - segments[index].first)
    }
}
