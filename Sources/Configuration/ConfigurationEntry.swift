/// One key of a configuration file and its value, with the lines they were read from.
public struct ConfigurationEntry: Sendable, Equatable {
    /// One value, as text, and its line.
    public struct Value: Sendable, Equatable {
        /// The value as written (without YAML's quotes).
        public var text: String
        /// Its line in the file, from 1.
        public var line: Int
    }

    /// The key.
    public var key: ConfigurationSchema.Key
    /// The key's line in the file, from 1.
    public var line: Int
    /// The values: one for a single option or a flag (`true` or `false`), any number for a repeatable option.
    public var values: [Value]

    /// The entry as command-line arguments: `--key=value` per value (so that a value may start with a dash); a
    /// flag's option when it is true.
    public var arguments: [String] {
        switch key.kind {
        case .flag:
            values.first?.text == "true" ? [key.option] : []
        case .single, .repeating:
            values.map { "\(key.option)=\($0.text)" }
        }
    }
}
