/// Reassembles IPv4 and IPv6 datagrams from fragments (used for RADIUS, SIP and other control packets only).
///
/// Bounded: at most `maxDatagrams` datagrams remembered and `maxBytes` of fragment data held (the oldest incomplete
/// datagram is evicted to make room), each datagram at most 65_535 bytes, and a datagram is forgotten
/// `timeoutMicros` of capture time after its first fragment. RFC 5722: a fragment that overlaps another invalidates
/// its datagram, which is remembered until its time runs out so that its later fragments are refused too; an exact
/// repeat of a fragment (also of a datagram already reassembled) is ignored. Nothing traps on bad input.
public struct IPReassembler: Sendable {
    /// What is remembered of one datagram.
    private enum State: Sendable {
        /// Fragments still missing.
        case pending(IPPendingDatagram)
        /// Refused for an overlap: later fragments are refused too.
        case refused
        /// Reassembled: repeats of these fragments are ignored.
        case completed([Range<Int>])
    }

    /// One remembered datagram and the capture time (µs) of its first fragment.
    private struct Entry: Sendable {
        var firstSeen: Int64
        var state: State
    }

    private let maxDatagrams: Int
    private let maxBytes: Int
    private let timeoutMicros: Int64
    private var entries: [Key: Entry] = [:]
    /// The earliest time at which some entry expires.
    private var nextExpiry: Int64 = .max
    /// Fragment bytes held by incomplete datagrams, as counted against `maxBytes`.
    public private(set) var heldBytes = 0
    /// What was reassembled, timed out, refused and evicted so far.
    public private(set) var statistics = ReassemblyStatistics()

    /// A reassembler remembering at most `maxDatagrams` (at least 1) datagrams and holding at most `maxBytes` (at
    /// least 64 KiB) of fragments, each datagram for `timeoutMicros`.
    public init(maxDatagrams: Int = 1024, maxBytes: Int = 16 << 20, timeoutMicros: Int64 = 30_000_000) {
        self.maxDatagrams = max(1, maxDatagrams)
        self.maxBytes = max(1 << 16, maxBytes)
        self.timeoutMicros = max(0, timeoutMicros)
    }

    /// The number of incomplete datagrams held (counts; for tests and status, not the per-packet path).
    public var pendingCount: Int {
        entries.values.reduce(0) { count, entry in
            if case .pending = entry.state { return count + 1 }
            return count
        }
    }

    /// `ipPacket` is the whole IPv4 or IPv6 packet (header + payload) of one fragment, `time` its capture time in
    /// µs. Returns the whole reassembled datagram once every fragment has arrived (IPv4: a fresh header with offset
    /// 0, MF clear, right total length and checksum; IPv6: a fresh 40-byte header with the payload length and the
    /// fragment header's next header; then the payload); nil while incomplete, when refused or repeated. A packet
    /// that is not a fragment (or an IPv6 atomic fragment) is returned as it is, cut to its declared length.
    public mutating func add(ipPacket: UnsafeRawBufferPointer, time: Int64) -> [UInt8]? {
        expire(at: time)
        switch Self.piece(of: ipPacket) {
        case nil:
            return nil
        case .whole(let range):
            return Array(UnsafeRawBufferPointer(rebasing: ipPacket[range]))
        case .fragment(let key, let header, let nextHeader, let data, let offset, let isLast):
            var datagram = IPPendingDatagram(version: key.version)
            var firstSeen = time
            if let existing = entries.removeValue(forKey: key) {
                switch existing.state {
                case .pending(let held):
                    datagram = held
                    firstSeen = existing.firstSeen
                case .refused:
                    statistics.overlapping += 1
                    remember(key, existing)
                    return nil
                case .completed(let ranges):
                    if ranges.contains(offset..<(offset + data.count)) {
                        statistics.duplicates += 1
                        remember(key, existing)
                        return nil
                    }
                    makeRoom()
                }
            } else {
                makeRoom()
            }
            let before = datagram.heldBytes
            let outcome = datagram.insert(
                header: UnsafeRawBufferPointer(rebasing: ipPacket[header]),
                nextHeader: nextHeader,
                data: UnsafeRawBufferPointer(rebasing: ipPacket[data]),
                offset: offset,
                isLast: isLast
            )
            heldBytes += datagram.heldBytes - before
            return finish(key, firstSeen: firstSeen, datagram, outcome: outcome)
        }
    }

    /// Remembers a datagram after one of its fragments: refused, reassembled (returned) or still pending.
    private mutating func finish(
        _ key: Key,
        firstSeen: Int64,
        _ datagram: IPPendingDatagram,
        outcome: IPPendingDatagram.Outcome
    ) -> [UInt8]? {
        switch outcome {
        case .invalid:
            heldBytes -= datagram.heldBytes
            statistics.overlapping += 1
            remember(key, Entry(firstSeen: firstSeen, state: .refused))
            return nil
        case .duplicate:
            statistics.duplicates += 1
        case .added:
            break
        }
        if let whole = datagram.assembled() {
            heldBytes -= datagram.heldBytes
            statistics.reassembled += 1
            remember(key, Entry(firstSeen: firstSeen, state: .completed(datagram.ranges)))
            return whole
        }
        remember(key, Entry(firstSeen: firstSeen, state: .pending(datagram)))
        while heldBytes > maxBytes && evictOldest(pendingOnly: true) {}
        return nil
    }

    private mutating func remember(_ key: Key, _ entry: Entry) {
        entries[key] = entry
        nextExpiry = min(nextExpiry, deadline(of: entry))
    }

    private func deadline(of entry: Entry) -> Int64 {
        let (sum, overflow) = entry.firstSeen.addingReportingOverflow(timeoutMicros)
        return overflow ? .max : sum
    }

    /// Forgets every datagram whose deadline has passed at `time`; incomplete ones count as timed out.
    private mutating func expire(at time: Int64) {
        guard time >= nextExpiry else {
            return
        }
        var kept: [Key: Entry] = [:]
        kept.reserveCapacity(entries.count)
        var next = Int64.max
        for (key, entry) in entries {
            let deadline = deadline(of: entry)
            if deadline > time {
                kept[key] = entry
                next = min(next, deadline)
            } else if case .pending(let datagram) = entry.state {
                statistics.timedOut += 1
                heldBytes -= datagram.heldBytes
            }
        }
        entries = kept
        nextExpiry = next
    }

    /// Evicts the oldest entries until there is room for one more.
    private mutating func makeRoom() {
        while entries.count >= maxDatagrams && evictOldest(pendingOnly: false) {}
    }

    /// Forgets the entry whose first fragment is the oldest (only incomplete ones with `pendingOnly`); false when
    /// there is none.
    private mutating func evictOldest(pendingOnly: Bool) -> Bool {
        var oldest: (key: Key, firstSeen: Int64)? = nil
        for (key, entry) in entries where oldest.map({ entry.firstSeen < $0.firstSeen }) ?? true {
            if pendingOnly, case .pending = entry.state {
                oldest = (key, entry.firstSeen)
            } else if !pendingOnly {
                oldest = (key, entry.firstSeen)
            }
        }
        guard let oldest, let entry = entries.removeValue(forKey: oldest.key) else {
            return false
        }
        if case .pending(let datagram) = entry.state {
            statistics.evicted += 1
            heldBytes -= datagram.heldBytes
        }
        return true
    }
}
