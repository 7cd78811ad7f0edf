/// What opening a spool directory found.
struct SpoolRecovery {
    /// The segments left, oldest first; never empty (the last is the one appended to).
    var segments: [SpoolSegment]
    /// The last segment's file, open for appending.
    var tail: SpoolFile
    /// The acknowledged cursor, at an entry boundary of `segments[0]`.
    var acknowledged: SpoolPosition
    /// Bytes cut off torn or damaged segments.
    var truncatedBytes: Int64
}

extension HandoverSpool {
    /// Brings a spool directory back to a consistent state: removes segments the state file says are acknowledged
    /// and a stale temporary state file, verifies every entry, truncates each segment after its last good entry,
    /// and places the acknowledged cursor on the last entry boundary at or before the persisted one.
    static func recover(directory: String, reader: SpoolReader) throws(SpoolError) -> SpoolRecovery {
        let state = try SpoolState.read(directory: directory)
        try SpoolDirectory.remove(directory + "/" + SpoolState.temporaryName)
        var firsts = try SpoolDirectory.names(in: directory).compactMap(SpoolSegment.first(fromFileName:)).sorted()
        if let state {
            for first in firsts where first < state.segment {
                try SpoolDirectory.remove(segmentPath(directory, first))
            }
            firsts.removeAll { $0 < state.segment }
        }
        var segments: [SpoolSegment] = []
        var truncated: Int64 = 0
        var acknowledged: SpoolPosition?
        var last: SpoolFile?
        for first in firsts {
            let file = try SpoolFile(opening: segmentPath(directory, first))
            let stop = state.flatMap { $0.segment == first ? $0.offset : nil }
            let scan = try scanSegment(file, first: first, reader: reader, boundaryAtOrBefore: stop)
            segments.append(scan.segment)
            truncated += scan.droppedBytes
            if let boundary = scan.boundary { acknowledged = boundary }
            last = file
        }
        guard let first = segments.first, let last else {
            let start = state.map { max($0.record, $0.segment) } ?? 0
            let tail = try SpoolFile(opening: segmentPath(directory, start), create: true, exclusive: true)
            try SpoolDirectory.sync(directory)
            let segment = SpoolSegment(first: start, bytes: 0, records: 0)
            return SpoolRecovery(segments: [segment], tail: tail, acknowledged: segment.start, truncatedBytes: 0)
        }
        return SpoolRecovery(
            segments: segments,
            tail: last,
            acknowledged: acknowledged ?? first.start,
            truncatedBytes: truncated
        )
    }

    /// Verifies the entries of one segment file from its start, truncating it at the first torn or damaged entry.
    /// `boundary` is the last entry boundary at or before `boundaryAtOrBefore`, when that is given.
    private static func scanSegment(
        _ file: SpoolFile,
        first: UInt64,
        reader: SpoolReader,
        boundaryAtOrBefore stop: Int64?
    ) throws(SpoolError) -> (segment: SpoolSegment, droppedBytes: Int64, boundary: SpoolPosition?) {
        let size = try file.size()
        var segment = SpoolSegment(first: first, bytes: 0, records: 0)
        var boundary = stop.map { _ in segment.start }
        scan: while segment.bytes < size {
            var check = try reader.readHeader(file, segment: first, limit: size, at: segment.bytes)
            if case .valid(let header) = check {
                check = try reader.readPayload(file, segment: first, limit: size, header: header, at: segment.bytes) {
                    _ in
                }
            }
            guard case .valid(let header) = check else { break scan }
            segment.bytes += header.entryBytes
            segment.records += Int(header.records)
            if let stop, segment.bytes <= stop { boundary = segment.end }
        }
        guard segment.bytes < size else { return (segment, 0, boundary) }
        try file.truncate(to: segment.bytes)
        try file.sync()
        reader.invalidate()
        return (segment, size - segment.bytes, boundary)
    }
}
