extension AuditJSON {
    /// Parses JSON text (RFC 8259) into a value. Numbers must be integers that fit in 64 bits, since the audit log
    /// writes no others; nesting deeper than 32 levels is refused. Nil when the text is not such a JSON value.
    init?(parsing text: String) {
        var parser = AuditJSONParser(Array(text.utf8))
        guard let value = parser.value(depth: 0), parser.atEndAfterSpace() else {
            return nil
        }
        self = value
    }
}

/// A recursive-descent reader over UTF-8 bytes, one JSON value at a time.
private struct AuditJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private static let maximumDepth = 32

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func atEndAfterSpace() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    mutating func value(depth: Int) -> AuditJSON? {
        guard depth < Self.maximumDepth else {
            return nil
        }
        skipSpace()
        guard let byte = peek() else {
            return nil
        }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(AuditJSON.string)
        case UInt8(ascii: "t"): return literal("true", .boolean(true))
        case UInt8(ascii: "f"): return literal("false", .boolean(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return integer()
        }
    }

    private mutating func object(depth: Int) -> AuditJSON? {
        index += 1
        var members: [(String, AuditJSON)] = []
        skipSpace()
        if skip(UInt8(ascii: "}")) {
            return .object(members)
        }
        repeat {
            skipSpace()
            guard peek() == UInt8(ascii: "\""), let key = string() else {
                return nil
            }
            skipSpace()
            guard skip(UInt8(ascii: ":")), let value = value(depth: depth + 1) else {
                return nil
            }
            members.append((key, value))
            skipSpace()
        } while skip(UInt8(ascii: ","))
        return skip(UInt8(ascii: "}")) ? .object(members) : nil
    }

    private mutating func array(depth: Int) -> AuditJSON? {
        index += 1
        var values: [AuditJSON] = []
        skipSpace()
        if skip(UInt8(ascii: "]")) {
            return .array(values)
        }
        repeat {
            guard let value = value(depth: depth + 1) else {
                return nil
            }
            values.append(value)
            skipSpace()
        } while skip(UInt8(ascii: ","))
        return skip(UInt8(ascii: "]")) ? .array(values) : nil
    }

    private mutating func literal(_ word: String, _ value: AuditJSON) -> AuditJSON? {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            return nil
        }
        index += expected.count
        return value
    }

    /// `-?(0|[1-9][0-9]*)`, within Int64; fractions and exponents are refused.
    private mutating func integer() -> AuditJSON? {
        let start = index
        _ = skip(UInt8(ascii: "-"))
        let digitsStart = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
        }
        let digits = index - digitsStart
        guard digits > 0, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0"),
            let value = Int64(String(decoding: bytes[start..<index], as: UTF8.self))
        else {
            return nil
        }
        return .integer(value)
    }

    /// A string after its opening quote is at `index`; escapes decoded, raw control characters refused.
    private mutating func string() -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                guard let chunk = String(validating: bytes[run..<index], as: UTF8.self) else {
                    return nil
                }
                scalars.append(contentsOf: chunk.unicodeScalars)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                guard let chunk = String(validating: bytes[run..<index], as: UTF8.self) else {
                    return nil
                }
                scalars.append(contentsOf: chunk.unicodeScalars)
                index += 1
                guard let scalar = escape() else {
                    return nil
                }
                scalars.append(scalar)
                run = index
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// The character an escape (after its backslash) stands for; `\u` pairs of surrogates are joined.
    private mutating func escape() -> Unicode.Scalar? {
        guard let byte = peek() else {
            return nil
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = hexUnit() else {
                return nil
            }
            guard (0xD800...0xDBFF).contains(unit) else {
                return Unicode.Scalar(unit)
            }
            guard skip(UInt8(ascii: "\\")), skip(UInt8(ascii: "u")), let low = hexUnit(),
                (0xDC00...0xDFFF).contains(low)
            else {
                return nil
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        default:
            return nil
        }
    }

    /// Four hex digits.
    private mutating func hexUnit() -> UInt32? {
        guard bytes.count - index >= 4,
            let unit = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
            bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
        else {
            return nil
        }
        index += 4
        return unit
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else {
            return false
        }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }
}
