/// A point in a `HandoverSpool` between two entries: the segment file (named after the index of its first record)
/// and the byte offset in it. Positions are ordered as the data is; only the spool makes them.
public struct SpoolPosition: Sendable, Comparable, Hashable, CustomStringConvertible {
    /// The index of the first record of the segment file the position is in.
    public let segment: UInt64
    /// The byte offset in that segment file (at an entry boundary).
    public let offset: Int64
    /// The index of the first record after the position.
    public let record: UInt64

    init(segment: UInt64, offset: Int64, record: UInt64) {
        self.segment = segment
        self.offset = offset
        self.record = record
    }

    /// Ordered by segment, then offset.
    public static func < (lhs: SpoolPosition, rhs: SpoolPosition) -> Bool {
        (lhs.segment, lhs.offset) < (rhs.segment, rhs.offset)
    }

    /// Equal when segment and offset are.
    public static func == (lhs: SpoolPosition, rhs: SpoolPosition) -> Bool {
        lhs.segment == rhs.segment && lhs.offset == rhs.offset
    }

    /// Hashes segment and offset.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(segment)
        hasher.combine(offset)
    }

    /// `segment:offset (record n)`.
    public var description: String { "\(segment):\(offset) (record \(record))" }
}
