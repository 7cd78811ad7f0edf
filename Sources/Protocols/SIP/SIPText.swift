/// Small text helpers shared by the SIP and SDP parsers.
enum SIPText {
    /// A decimal number of 1...18 ASCII digits; nil for anything else (signs, spaces, empty).
    static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18 else {
            return nil
        }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                return nil
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// A 16-bit port number in decimal.
    static func port(_ text: Substring) -> UInt16? {
        guard text.utf8.count <= 5, let value = decimal(text) else {
            return nil
        }
        return UInt16(exactly: value)
    }

    /// True when `text` is a non-empty RFC 3261 token.
    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default:
                    return "-.!%*_+`'~".utf8.contains(byte)
                }
            }
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trim(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first == " " || first == "\t" {
            result.removeFirst()
        }
        while let last = result.last, last == " " || last == "\t" {
            result.removeLast()
        }
        return result
    }

    /// `text` without one pair of surrounding double quotes, if it has them.
    static func unquote(_ text: Substring) -> Substring {
        guard text.utf8.count >= 2, text.first == "\"", text.last == "\"" else {
            return text
        }
        return text.dropFirst().dropLast()
    }

    /// Splits at `separator` where it is outside double quotes and angle brackets; parts are trimmed.
    static func split(_ text: Substring, at separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var inQuotes = false
        var inAngles = false
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && character == "<" {
                inAngles = true
            } else if !inQuotes && character == ">" {
                inAngles = false
            } else if !inQuotes && !inAngles && character == separator {
                parts.append(trim(text[start..<index]))
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(trim(text[start..<text.endIndex]))
        return parts
    }

    /// The value of parameter `name` (case-insensitive) among `key=value` parts, unquoted; `""` for a bare key.
    static func parameter(_ name: String, in parts: some Sequence<Substring>) -> Substring? {
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = pair.first, trim(key).lowercased() == name else {
                continue
            }
            return pair.count == 2 ? unquote(trim(pair[1])) : ""
        }
        return nil
    }
}
