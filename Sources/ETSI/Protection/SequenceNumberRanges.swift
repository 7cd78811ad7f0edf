/// A set of sequence numbers kept as sorted, disjoint, non-adjacent ranges: one range while numbers come in order,
/// so that remembering every number of a long stream costs a few words.
struct SequenceNumberRanges: Sendable, Equatable {
    private(set) var ranges: [ClosedRange<UInt64>] = []

    /// Whether `value` is in the set.
    func contains(_ value: UInt64) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// Adds `value`, merging it with the ranges it touches.
    mutating func insert(_ value: UInt64) {
        if let last = ranges.last, last.upperBound < UInt64.max, last.upperBound + 1 == value {
            ranges[ranges.count - 1] = last.lowerBound...value
            return
        }
        let index = ranges.firstIndex(where: { $0.upperBound >= value }) ?? ranges.count
        if index < ranges.count, ranges[index].contains(value) {
            return
        }
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

    /// `0-999, 1002, 1004-1010`: numbers in the order given, runs of consecutive ones as ranges.
    static func text(_ numbers: [UInt64]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end] < UInt64.max, numbers[end + 1] == numbers[end] + 1 {
                end += 1
            }
            parts.append(end == index ? "\(numbers[index])" : "\(numbers[index])-\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
