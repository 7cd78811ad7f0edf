extension HandoverSpool {
    /// The path of the segment file whose first record is `first`.
    static func segmentPath(_ directory: String, _ first: UInt64) -> String {
        directory + "/" + SpoolSegment.fileName(first: first)
    }

    /// The index in `segments` of the segment `position` is in.
    func segmentIndex(of position: SpoolPosition) -> Int? {
        segments.firstIndex { $0.first == position.segment }
    }

    /// The open file of `segments[index]`: the tail's, or a read-only use of an older one (kept open while
    /// sending from it).
    func file(at index: Int) throws(SpoolError) -> SpoolFile {
        if index == segments.count - 1 { return tail }
        let first = segments[index].first
        if let sendFile, sendFile.segment == first { return sendFile.file }
        let file = try SpoolFile(opening: Self.segmentPath(directory, first))
        sendFile = (first, file)
        return file
    }

    /// Flushes the tail and starts a new segment named after the next record's index.
    func rotate() throws(SpoolError) {
        try tail.sync()
        let first = segments[segments.count - 1].endRecord
        let file = try SpoolFile(opening: Self.segmentPath(directory, first), create: true, exclusive: true)
        try SpoolDirectory.sync(directory)
        segments.append(SpoolSegment(first: first, bytes: 0, records: 0))
        tail = file
        try moveAcknowledged(to: acknowledged, segmentIndex: 0, writeState: false)
    }

    /// Sets the acknowledged cursor to `position` (in `segments[segmentIndex]`), carried over the ends of finished
    /// segments; writes the state file when it moved (or when `writeState`), then deletes the segments before it.
    func moveAcknowledged(to position: SpoolPosition, segmentIndex: Int, writeState: Bool) throws(SpoolError) {
        var target = position
        var index = segmentIndex
        while index + 1 < segments.count && target.offset >= segments[index].bytes {
            index += 1
            target = segments[index].start
        }
        if writeState || target != acknowledged {
            try SpoolState(target).write(directory: directory)
        }
        acknowledged = target
        if sent < acknowledged { sent = acknowledged }
        while segments.count > 1 && segments[0].first != acknowledged.segment {
            let gone = segments[0]
            if sendFile?.segment == gone.first { sendFile = nil }
            try SpoolDirectory.remove(Self.segmentPath(directory, gone.first))
            segments.removeFirst()
            storedBytes -= gone.bytes
            storedRecords -= gone.records
        }
    }

    /// Cuts `segments[index]` at `position` after damage was found there, counting what is lost.
    func dropRest(ofSegmentAt index: Int, from position: SpoolPosition) throws(SpoolError) {
        let segment = segments[index]
        let file = try self.file(at: index)
        try file.truncate(to: position.offset)
        try file.sync()
        reader.invalidate()
        let keptRecords = Int(position.record - segment.first)
        recoveredTruncatedBytes += segment.bytes - position.offset
        storedBytes -= segment.bytes - position.offset
        storedRecords -= segment.records - keptRecords
        segments[index].bytes = position.offset
        segments[index].records = keptRecords
    }
}
