/// Checks sequence numbers per (LIID, CIN, IRI|CC) as TS 102 232-1 requires: the first is 0, then each is one more
/// than the last.
///
/// A number already seen is a redelivery (the appliance re-sends what was unacknowledged after a reconnect): counted,
/// not an error. A number past the next expected one is a gap; a number below it that was never seen went backwards
/// past the stream's history. Both are errors; the checker then carries on from what it has seen so that one gap
/// is reported once. A cINReset TRI (``reset(liid:cin:)``) starts the CIN's streams again at 0.
public struct LEMFSequenceChecker: Sendable {
    /// Which of a CIN's two numberings a record belongs to.
    public enum Stream: String, Sendable, Hashable {
        /// IRI records.
        case iri = "IRI"
        /// CC records.
        case cc = "CC"
    }

    /// One numbering: a LIID, a CIN (absent in some records) and IRI or CC.
    public struct Key: Sendable, Hashable {
        /// The LIID.
        public var liid: String
        /// The CIN, nil when the record carries none.
        public var cin: UInt32?
        /// IRI or CC.
        public var stream: Stream

        /// Creates a key.
        public init(liid: String, cin: UInt32?, stream: Stream) {
            self.liid = liid
            self.cin = cin
            self.stream = stream
        }
    }

    /// What a sequence number means for its stream.
    public enum Verdict: Sendable, Equatable {
        /// The expected next number.
        case inOrder
        /// A number already seen.
        case redelivery
        /// A number past the expected one: the numbers in between are missing.
        case gap(expected: UInt64)
        /// A number below the expected one that was never seen.
        case backwards(expected: UInt64)

        /// Whether the verdict is an error.
        public var isError: Bool {
            switch self {
            case .inOrder, .redelivery: false
            case .gap, .backwards: true
            }
        }
    }

    /// The numbers seen per stream, as sorted, disjoint, non-adjacent ranges (one range while all is well).
    private var seen: [Key: [ClosedRange<UInt64>]] = [:]
    /// Streams that a cINReset allows to start again at 0, once.
    private var restartAllowed: Set<Key> = []

    /// Creates a checker that has seen nothing.
    public init() {}

    /// Checks `sequence` for `key` and remembers it.
    public mutating func check(_ sequence: UInt64, for key: Key) -> Verdict {
        var ranges = seen[key] ?? []
        defer { seen[key] = ranges }
        if restartAllowed.remove(key) != nil && sequence == 0 {
            ranges = [0...0]
            return .inOrder
        }
        if ranges.contains(where: { $0.contains(sequence) }) {
            return .redelivery
        }
        let verdict: Verdict
        if let last = ranges.last {
            let (expected, overflow) = last.upperBound.addingReportingOverflow(1)
            if overflow || sequence < expected {
                verdict = .backwards(expected: expected)
            } else {
                verdict = sequence == expected ? .inOrder : .gap(expected: expected)
            }
        } else {
            verdict = sequence == 0 ? .inOrder : .gap(expected: 0)
        }
        Self.insert(sequence, into: &ranges)
        return verdict
    }

    /// The next number expected for `key` (0 for a stream not seen yet; after `UInt64.max` it wraps to 0, and every
    /// number not seen is then behind).
    public func expected(for key: Key) -> UInt64 {
        guard let last = seen[key]?.last else {
            return 0
        }
        return last.upperBound &+ 1
    }

    /// After a cINReset for `liid` and `cin`: the next record of each of its two streams may start again at 0 (or
    /// go on where it was). HI2 and HI3 are separate connections, so a reset sent on one may arrive after the other
    /// stream has already restarted; the reset therefore permits a restart instead of demanding one.
    public mutating func reset(liid: String, cin: UInt32?) {
        restartAllowed.insert(Key(liid: liid, cin: cin, stream: .iri))
        restartAllowed.insert(Key(liid: liid, cin: cin, stream: .cc))
    }

    private static func insert(_ value: UInt64, into ranges: inout [ClosedRange<UInt64>]) {
        let index = ranges.firstIndex(where: { $0.lowerBound > value }) ?? ranges.count
        var merged = value...value
        var first = index
        var end = index
        if index > 0, ranges[index - 1].upperBound &+ 1 == value {
            merged = ranges[index - 1].lowerBound...value
            first = index - 1
        }
        if index < ranges.count, value &+ 1 == ranges[index].lowerBound {
            merged = merged.lowerBound...ranges[index].upperBound
            end = index + 1
        }
        ranges.replaceSubrange(first..<end, with: [merged])
    }
}
