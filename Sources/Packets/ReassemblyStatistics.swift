/// What an ``IPReassembler`` did with the fragments it was given.
public struct ReassemblyStatistics: Sendable, Equatable {
    /// Datagrams rebuilt whole.
    public var reassembled = 0
    /// Datagrams dropped incomplete when their time ran out.
    public var timedOut = 0
    /// Fragments refused because they overlap another of their datagram (or contradict its length, RFC 5722), or
    /// belong to a datagram already refused for that.
    public var overlapping = 0
    /// Incomplete datagrams dropped to make room for others (too many datagrams, or too many bytes held).
    public var evicted = 0
    /// Exact repeats of a fragment already held or already reassembled, ignored.
    public var duplicates = 0

    /// Zero counters.
    public init() {}

    /// Adds another reassembler's counters to these.
    public mutating func add(_ other: ReassemblyStatistics) {
        reassembled += other.reassembled
        timedOut += other.timedOut
        overlapping += other.overlapping
        evicted += other.evicted
        duplicates += other.duplicates
    }
}
