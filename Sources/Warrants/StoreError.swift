/// The one error type of the warrant store: what went wrong, which field it concerns and a message for people.
///
/// Validation and store errors name the field the way the command line names it (`--auth-cc`, `LIID`), so the
/// command line can print the message as it is.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; it decides the command line's exit status.
    public enum Code: String, Sendable, Equatable {
        /// The input is not acceptable (a malformed or out-of-range value).
        case invalid
        /// Something named does not exist (an agency, a warrant, a server).
        case notFound
        /// The change contradicts the store (a duplicate, an agency still in use, a warrant already ended).
        case conflict
        /// The database could not be opened, read or written.
        case io
    }

    /// The kind of failure.
    public var code: Code
    /// The field the error concerns, as the command line names it, when there is one.
    public var field: String?
    /// One line for people, naming the field and the value.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, field: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func invalid(_ field: String, _ value: String, _ reason: String) -> StoreError {
        StoreError(.invalid, field: field, "\(field) \(quoted(value)) \(reason)")
    }

    static func io(_ what: String, _ error: any Error) -> StoreError {
        StoreError(.io, "\(what): \(error)")
    }

    /// `value` in double quotes, for messages: quotes and backslashes escaped, and control characters, Unicode
    /// format controls (bidirectional overrides, zero-width characters...) and line or paragraph separators written
    /// as `\u{...}`, so that a message shows what the value holds rather than what it would make a terminal display.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029 || scalar.properties.generalCategory == .format:
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
