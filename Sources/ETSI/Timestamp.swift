/// A capture or record time: seconds since the Unix epoch and microseconds.
///
/// The initialisers normalise `microseconds` into `0..<1_000_000` (carrying into `seconds`).
public struct Timestamp: Sendable, Equatable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Microseconds within the second, `0..<1_000_000` after initialisation.
    public var microseconds: Int32

    /// Creates a timestamp; microseconds outside `0..<1_000_000` carry into `seconds`.
    public init(seconds: Int64, microseconds: Int32) {
        let carry = Int64(microseconds).quotientAndRemainder(dividingBy: 1_000_000)
        var seconds = seconds
        var micros = carry.remainder
        var carried = carry.quotient
        if micros < 0 {
            micros += 1_000_000
            carried -= 1
        }
        let (sum, overflow) = seconds.addingReportingOverflow(carried)
        seconds = overflow ? (carried < 0 ? Int64.min : Int64.max) : sum
        self.seconds = seconds
        self.microseconds = Int32(micros)
    }

    /// Creates a timestamp from microseconds since the epoch (negative values round towards the past).
    public init(epochMicros: Int64) {
        let split = epochMicros.quotientAndRemainder(dividingBy: 1_000_000)
        if split.remainder < 0 {
            self.seconds = split.quotient - 1
            self.microseconds = Int32(split.remainder + 1_000_000)
        } else {
            self.seconds = split.quotient
            self.microseconds = Int32(split.remainder)
        }
    }

    /// Microseconds since the epoch, clamped to `Int64`'s range.
    public var epochMicros: Int64 {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow {
            return seconds < 0 ? Int64.min : Int64.max
        }
        let (sum, overflowSum) = scaled.addingReportingOverflow(Int64(microseconds))
        if overflowSum {
            return microseconds < 0 ? Int64.min : Int64.max
        }
        return sum
    }

    /// Orders by seconds, then microseconds.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.microseconds) < (rhs.seconds, rhs.microseconds)
    }
}
