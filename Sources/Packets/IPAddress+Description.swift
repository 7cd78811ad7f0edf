extension IPAddress: CustomStringConvertible {
    /// The canonical text form: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, no leading zeros, the longest
    /// run of two or more zero groups shortened to `::`, the first such run on a tie, and IPv4-mapped addresses
    /// written as `::ffff:a.b.c.d`).
    public var description: String {
        if isIPv4 {
            return Self.dottedQuad(v4Value)
        }
        if high == 0 && low >> 32 == 0xffff {
            return "::ffff:" + Self.dottedQuad(UInt32(truncatingIfNeeded: low))
        }
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        for shift in stride(from: 48, through: 0, by: -16) {
            groups.append(UInt16(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 48, through: 0, by: -16) {
            groups.append(UInt16(truncatingIfNeeded: low >> UInt64(shift)))
        }
        let (runStart, runLength) = Self.longestZeroRun(groups)
        var text = ""
        var index = 0
        while index < 8 {
            if runLength >= 2 && index == runStart {
                text += "::"
                index += runLength
                continue
            }
            if index > 0 && !text.hasSuffix(":") {
                text += ":"
            }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }

    private static func dottedQuad(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }

    /// The start and length of the first longest run of zero groups.
    private static func longestZeroRun(_ groups: [UInt16]) -> (Int, Int) {
        var bestStart = 0
        var bestLength = 0
        var start = 0
        var length = 0
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if length == 0 {
                    start = index
                }
                length += 1
                if length > bestLength {
                    bestStart = start
                    bestLength = length
                }
            } else {
                length = 0
            }
        }
        return (bestStart, bestLength)
    }
}
