/// The one error type of the warrant store: what went wrong, which field it concerns and a message for people.
///
/// A warrant's fields are named in the store's own terms (`username`, `static_prefixes`, `authorization_country_code`);
/// the message keeps each field name as a part of its own (``MessagePart/field(_:)``), so that the command line can
/// name its options instead (``renamingFields(_:)``). Other checks are given the name the caller uses (`--hi2`).
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
    /// A piece of the message: text, or the name of a field, which the command line may name otherwise.
    public enum MessagePart: Sendable, Equatable {
        /// Text as it is.
        case text(String)
        /// A field's name.
        case field(String)
    }

    /// The field the error concerns, when there is one.
    public var field: String?
    /// The message, in parts.
    public var parts: [MessagePart]

    /// Creates an error whose message names no field in a part of its own.
    public init(_ code: Code, field: String? = nil, _ message: String) {
        self.init(code, field: field, parts: [.text(message)])
    }

    /// Creates an error from message parts.
    public init(_ code: Code, field: String? = nil, parts: [MessagePart]) {
        self.code = code
        self.field = field
        self.parts = parts
    }

    /// One line for people, naming the field and the value.
    public var message: String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .field(let name): name
            }
        }.joined()
    }

    /// The message.
    public var description: String { message }

    /// The same error with every field `name` gives another name for renamed (in ``field`` and in the message).
    public func renamingFields(_ name: (String) -> String?) -> StoreError {
        StoreError(
            code,
            field: field.map { name($0) ?? $0 },
            parts: parts.map { part in
                guard case .field(let field) = part, let renamed = name(field) else { return part }
                return .field(renamed)
            }
        )
    }

    static func invalid(_ field: String, _ value: String, _ reason: String) -> StoreError {
        StoreError(.invalid, field: field, parts: [.field(field), .text(" \(quoted(value)) \(reason)")])
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
