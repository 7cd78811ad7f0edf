/// Reads the members of one record's audit JSON (an object), for decoding records back from the audit log.
///
/// Keys that older schema versions did not write are read with a `missing` value: the default the migration that
/// added the column gave it. Any other missing key, or a value of the wrong type, is an error naming the row, the
/// record and the key.
struct AuditRecordReader {
    private let members: [(String, AuditJSON)]
    /// `row 12: agency`, for messages.
    private let context: String

    /// A reader of `json`, which must be an object; `context` names it in errors.
    init(_ json: AuditJSON, context: String) throws(StoreError) {
        guard case .object(let members) = json else {
            throw StoreError(.io, "\(context) is not a JSON object")
        }
        self.members = members
        self.context = context
    }

    /// The value of `key`; `missing` when the key is absent and has a default, else an error.
    func value(_ key: String, missing: AuditJSON? = nil) throws(StoreError) -> AuditJSON {
        if let member = members.first(where: { $0.0 == key }) {
            return member.1
        }
        guard let missing else {
            throw StoreError(.io, "\(context) has no \(key)")
        }
        return missing
    }

    /// A string member.
    func string(_ key: String, missing: String? = nil) throws(StoreError) -> String {
        guard case .string(let text) = try value(key, missing: missing.map(AuditJSON.string)) else {
            throw wrongType(key, "a string")
        }
        return text
    }

    /// A string or null member; with `missingIsNull`, an absent key reads as null.
    func optionalString(_ key: String, missingIsNull: Bool = false) throws(StoreError) -> String? {
        switch try value(key, missing: missingIsNull ? .null : nil) {
        case .string(let text): return text
        case .null: return nil
        default: throw wrongType(key, "a string or null")
        }
    }

    /// An integer member that fits in `Value`.
    func integer<Value: FixedWidthInteger>(
        _ key: String,
        as type: Value.Type,
        missing: Value? = nil
    ) throws(StoreError) -> Value {
        guard case .integer(let number) = try value(key, missing: missing.map { .integer(Int64($0)) }),
            let result = Value(exactly: number)
        else {
            throw wrongType(key, "an integer in range")
        }
        return result
    }

    /// An integer or null member that fits in `Value`; an absent key reads as null.
    func optionalInteger<Value: FixedWidthInteger>(_ key: String, as type: Value.Type) throws(StoreError) -> Value? {
        switch try value(key, missing: .null) {
        case .null: return nil
        case .integer(let number):
            guard let result = Value(exactly: number) else { throw wrongType(key, "an integer in range or null") }
            return result
        default: throw wrongType(key, "an integer in range or null")
        }
    }

    /// A boolean member.
    func boolean(_ key: String) throws(StoreError) -> Bool {
        guard case .boolean(let flag) = try value(key) else {
            throw wrongType(key, "true or false")
        }
        return flag
    }

    /// An array of strings.
    func strings(_ key: String) throws(StoreError) -> [String] {
        guard case .array(let values) = try value(key) else {
            throw wrongType(key, "an array of strings")
        }
        var result: [String] = []
        for value in values {
            guard case .string(let text) = value else {
                throw wrongType(key, "an array of strings")
            }
            result.append(text)
        }
        return result
    }

    /// A date-time member (as ``ISO8601Time/format(micros:)`` writes it) in microseconds since the epoch.
    func time(_ key: String) throws(StoreError) -> Int64 {
        let text = try string(key)
        guard let micros = ISO8601Time.micros(parsing: text) else {
            throw wrongType(key, "a date-time")
        }
        return micros
    }

    /// A date-time or null member; with `missingIsNull`, an absent key reads as null.
    func optionalTime(_ key: String, missingIsNull: Bool = false) throws(StoreError) -> Int64? {
        guard let text = try optionalString(key, missingIsNull: missingIsNull) else {
            return nil
        }
        guard let micros = ISO8601Time.micros(parsing: text) else {
            throw wrongType(key, "a date-time or null")
        }
        return micros
    }

    /// A value made from a string member by `make`, which returns nil for text it does not accept.
    func parsed<Value>(_ key: String, missing: String? = nil, _ make: (String) -> Value?) throws(StoreError) -> Value {
        guard let value = make(try string(key, missing: missing)) else {
            throw wrongType(key, "valid")
        }
        return value
    }

    /// An error for a member that is there but not what the record needs.
    func wrongType(_ key: String, _ expected: String) -> StoreError {
        StoreError(.io, "\(context): \(key) is not \(expected)")
    }
}
