/// Builds one JSON object on one line, field by field, in the order the fields are added.
///
/// Strings are escaped as RFC 8259 requires: `"` and `\` get a backslash, control characters below U+0020 become
/// `\b \f \n \r \t` or `\u00XX`; everything else is written as UTF-8.
public struct LEMFJSON: Sendable {
    private var text = "{"
    private var empty = true

    /// Creates an empty object.
    public init() {}

    /// Adds a string field.
    public mutating func add(_ key: String, _ value: String) {
        addKey(key)
        text += Self.quoted(value)
    }

    /// Adds an integer field.
    public mutating func add(_ key: String, _ value: some BinaryInteger) {
        addKey(key)
        text += String(value)
    }

    /// Adds a boolean field.
    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        text += value ? "true" : "false"
    }

    /// Adds a `null` field.
    public mutating func addNull(_ key: String) {
        addKey(key)
        text += "null"
    }

    /// The object's text, without a newline.
    public var line: String { text + "}" }

    /// `value` as a JSON string literal, quotes included.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + hexDigit(scalar.value >> 4) + hexDigit(scalar.value & 0xF)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    private static func hexDigit(_ nibble: UInt32) -> String {
        String(Character(Unicode.Scalar(UInt8(nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10))))
    }

    private mutating func addKey(_ key: String) {
        if !empty {
            text += ","
        }
        empty = false
        text += Self.quoted(key) + ":"
    }
}
