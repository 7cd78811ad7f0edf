import Packets

/// What became of the mirrored datagrams of each shim format: intercepted (the id is a warrant's), an id no warrant
/// names, no packet after the shim, or no IP packet after it. A shard keeps one and publishes it once per batch.
public struct MirrorTally: Sendable, Equatable {
    /// What became of one mirrored datagram.
    public enum Outcome: Int, Sendable, CaseIterable {
        /// Its id is a warrant's: its packet became CCs (those whose warrant was in force).
        case intercepted
        /// No warrant names its id.
        case unconfiguredID
        /// Nothing follows the shim.
        case short
        /// What follows the shim is not an IP packet.
        case notIP

        /// The summary's words for it.
        public var label: String {
            switch self {
            case .intercepted: "intercepted"
            case .unconfiguredID: "unconfigured id"
            case .short: "short"
            case .notIP: "not IP"
            }
        }
    }

    private var counts = [Int](repeating: 0, count: MirrorShimFormat.allCases.count * Outcome.allCases.count)

    /// An empty tally.
    public init() {}

    /// Counts one datagram.
    @inline(__always)
    mutating func count(_ format: MirrorShimFormat, _ outcome: Outcome) {
        counts[format.rawValue * Outcome.allCases.count + outcome.rawValue] += 1
    }

    /// The datagrams of `format` with `outcome`.
    public func count(of format: MirrorShimFormat, _ outcome: Outcome) -> Int {
        counts[format.rawValue * Outcome.allCases.count + outcome.rawValue]
    }

    /// The datagrams of `format`, whatever became of them.
    public func total(of format: MirrorShimFormat) -> Int {
        Outcome.allCases.reduce(0) { $0 + count(of: format, $1) }
    }

    /// Whether nothing was counted.
    public var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

    /// Adds another tally's counts.
    public mutating func merge(_ other: MirrorTally) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Zeroes every count, keeping the storage.
    mutating func reset() {
        for index in counts.indices { counts[index] = 0 }
    }
}
