import Logging

/// One log event as a line of JSON: `{"time":...,"level":...,"label":...,"message":...,"metadata":{...}}`, keys in
/// that order, metadata values as strings (lists and dictionaries as their text).
struct JSONLogLine {
    /// When, or nil under journald (which adds it).
    let time: String?
    let level: Logger.Level
    let label: String
    let message: String
    let metadata: Logger.Metadata

    /// The line, without its newline.
    var text: String {
        var fields: [String] = []
        if let time { fields.append("\"time\":" + Self.quoted(time)) }
        fields.append("\"level\":" + Self.quoted(level.rawValue))
        fields.append("\"label\":" + Self.quoted(label))
        fields.append("\"message\":" + Self.quoted(message))
        let entries = metadata.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + Self.quoted("\($0.value)") }
        fields.append("\"metadata\":{" + entries.joined(separator: ",") + "}")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
