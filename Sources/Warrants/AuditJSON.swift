/// A small JSON value for the audit log's `before` and `after` columns: object keys keep their given order, so the
/// same record always gives the same text. Values are equal when their members are, in the same order.
enum AuditJSON: Equatable {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case null
    case array([AuditJSON])
    case object([(String, AuditJSON)])

    /// An optional string as a string or null.
    static func optional(_ value: String?) -> AuditJSON {
        value.map(AuditJSON.string) ?? .null
    }

    /// An optional integer as a number or null.
    static func optional(_ value: Int64?) -> AuditJSON {
        value.map(AuditJSON.integer) ?? .null
    }

    static func == (left: AuditJSON, right: AuditJSON) -> Bool {
        switch (left, right) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// The compact JSON text.
    var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let value):
            AuditJSON.writeString(value, to: &output)
        case .integer(let value):
            output += String(value)
        case .boolean(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 {
                    output += ","
                }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 {
                    output += ","
                }
                AuditJSON.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
