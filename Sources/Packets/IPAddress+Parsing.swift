extension IPAddress {
    /// Parses the text form of an address: dotted-quad IPv4 (`"192.0.2.1"`) or IPv6 (`"2001:db8::1"`, with an
    /// optional trailing dotted IPv4 part as in `"::ffff:192.0.2.1"`). Returns nil for anything else, including
    /// leading zeros in an IPv4 part, zone suffixes and surrounding spaces.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        if utf8.contains(UInt8(ascii: ":")) {
            guard let (high, low) = Self.parseIPv6(utf8[...]) else {
                return nil
            }
            self = .v6(high: high, low: low)
        } else {
            guard let value = Self.parseIPv4(utf8[...]) else {
                return nil
            }
            self = .v4(value)
        }
    }

    /// Parses exactly four decimal parts 0...255 separated by dots.
    static func parseIPv4(_ text: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var parts = 0
        for part in text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard part.count >= 1, part.count <= 3, part.allSatisfy(Self.isDecimalDigit) else {
                return nil
            }
            if part.count > 1 && part.first == UInt8(ascii: "0") {
                return nil
            }
            var number: UInt32 = 0
            for digit in part {
                number = number * 10 + UInt32(digit - UInt8(ascii: "0"))
            }
            guard number <= 255 else {
                return nil
            }
            value = value << 8 | number
            parts += 1
        }
        return parts == 4 ? value : nil
    }

    /// Parses the eight 16-bit groups of an IPv6 address, allowing one `::` and a dotted IPv4 tail.
    static func parseIPv6(_ text: ArraySlice<UInt8>) -> (UInt64, UInt64)? {
        let colon = UInt8(ascii: ":")
        var head = text
        var tail: ArraySlice<UInt8>? = nil
        var index = text.startIndex
        while index + 1 < text.endIndex {
            if text[index] == colon && text[index + 1] == colon {
                head = text[text.startIndex..<index]
                tail = text[(index + 2)...]
                break
            }
            index += 1
        }
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        guard let headGroups = parseGroups(head, allowsIPv4Tail: tail == nil) else {
            return nil
        }
        if let tail {
            guard let tailGroups = parseGroups(tail, allowsIPv4Tail: true),
                headGroups.count + tailGroups.count <= 7
            else {
                return nil
            }
            groups = headGroups + Array(repeating: 0, count: 8 - headGroups.count - tailGroups.count) + tailGroups
        } else {
            groups = headGroups
        }
        guard groups.count == 8 else {
            return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for group in groups[0..<4] {
            high = high << 16 | UInt64(group)
        }
        for group in groups[4..<8] {
            low = low << 16 | UInt64(group)
        }
        return (high, low)
    }

    /// Parses colon-separated hex groups; an empty text gives no groups. The last part may be dotted IPv4.
    private static func parseGroups(_ text: ArraySlice<UInt8>, allowsIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty {
            return []
        }
        let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        for (position, part) in parts.enumerated() {
            if position == parts.count - 1 && allowsIPv4Tail && part.contains(UInt8(ascii: ".")) {
                guard let value = parseIPv4(part) else {
                    return nil
                }
                groups.append(UInt16(truncatingIfNeeded: value >> 16))
                groups.append(UInt16(truncatingIfNeeded: value))
                continue
            }
            guard part.count >= 1, part.count <= 4 else {
                return nil
            }
            var value: UInt16 = 0
            for character in part {
                guard let nibble = hexValue(character) else {
                    return nil
                }
                value = value << 4 | UInt16(nibble)
            }
            groups.append(value)
        }
        return groups.count <= 8 ? groups : nil
    }

    private static func isDecimalDigit(_ character: UInt8) -> Bool {
        character >= UInt8(ascii: "0") && character <= UInt8(ascii: "9")
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"):
            return character - UInt8(ascii: "A") + 10
        default:
            return nil
        }
    }
}
