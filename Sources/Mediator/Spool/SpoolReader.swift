/// The outcome of reading one entry.
enum SpoolEntryCheck {
    /// A whole entry whose header is sound (and, after `readPayload`, whose checksum matched).
    case valid(SpoolEntryHeader)
    /// A torn or damaged entry: the file holds nothing usable from here to the end of the segment.
    case damaged(String)
}

/// Reads entries of segment files through one window buffer allocated up front, so that scanning and sending make
/// one `pread` per window rather than per entry. It never reads past the bytes the caller says are whole (`limit`),
/// so bytes of a failed append are never seen; `invalidate()` after a file is cut.
final class SpoolReader {
    private let buffer: UnsafeMutableRawBufferPointer
    private var windowSegment: UInt64?
    private var windowStart: Int64 = 0
    private var windowCount = 0

    /// A reader with a window of `capacity` bytes (at least one entry header).
    init(capacity: Int) {
        buffer = .allocate(byteCount: max(capacity, SpoolEntryHeader.size), alignment: 8)
    }

    deinit {
        buffer.deallocate()
    }

    /// Forgets the window (after a segment file was truncated).
    func invalidate() {
        windowSegment = nil
        windowCount = 0
    }

    /// Reads the header of the entry at `offset` of `segment`, checking that the whole entry lies within `limit`.
    func readHeader(
        _ file: SpoolFile,
        segment: UInt64,
        limit: Int64,
        at offset: Int64
    ) throws(SpoolError) -> SpoolEntryCheck {
        guard let raw = try load(file, segment: segment, limit: limit, at: offset, count: SpoolEntryHeader.size)
        else { return .damaged("torn entry header at \(offset)") }
        guard let header = SpoolEntryHeader(decoding: raw) else { return .damaged("bad entry magic at \(offset)") }
        guard header.records > 0 else { return .damaged("entry without records at \(offset)") }
        guard offset + header.entryBytes <= limit else { return .damaged("torn entry at \(offset)") }
        return .valid(header)
    }

    /// Reads the payload of the entry at `offset` (whose header is `header`), handing it to `sink` in pieces, and
    /// checks its checksum. A failed check has already handed the bad bytes to `sink`; the caller drops them.
    func readPayload(
        _ file: SpoolFile,
        segment: UInt64,
        limit: Int64,
        header: SpoolEntryHeader,
        at offset: Int64,
        sink: (UnsafeRawBufferPointer) -> Void
    ) throws(SpoolError) -> SpoolEntryCheck {
        var crc = header.startChecksum()
        var position = offset + Int64(SpoolEntryHeader.size)
        var remaining = Int(header.length)
        while remaining > 0 {
            let count = min(remaining, buffer.count)
            guard let raw = try load(file, segment: segment, limit: limit, at: position, count: count) else {
                return .damaged("torn entry at \(offset)")
            }
            crc.update(raw)
            sink(raw)
            position += Int64(count)
            remaining -= count
        }
        guard crc.value == header.checksum else { return .damaged("checksum mismatch in entry at \(offset)") }
        return .valid(header)
    }

    /// `count` bytes at `offset`, from the window or after refilling it; nil when they pass `limit` or the file.
    private func load(
        _ file: SpoolFile,
        segment: UInt64,
        limit: Int64,
        at offset: Int64,
        count: Int
    ) throws(SpoolError) -> UnsafeRawBufferPointer? {
        guard offset >= 0, offset + Int64(count) <= limit else { return nil }
        if windowSegment != segment || offset < windowStart || offset + Int64(count) > windowStart + Int64(windowCount)
        {
            let wanted = Int(min(Int64(buffer.count), limit - offset))
            windowSegment = segment
            windowStart = offset
            windowCount = 0
            windowCount = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), at: offset)
            guard windowCount >= count else { return nil }
        }
        let start = Int(offset - windowStart)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
    }
}
