/// The keys a configuration file may hold: `run`'s long option names without their dashes, each with the shape of
/// value it takes. The command line's parser describes them (so an option added to `run` is a key at once).
public struct ConfigurationSchema: Sendable {
    /// The shape of a key's value.
    public enum Kind: Sendable, Equatable {
        /// A flag: `true` or `false` in the file (`true` gives the flag).
        case flag
        /// An option with one value.
        case single
        /// A repeatable option: a list in the file (or one value); a list on the command line replaces it.
        case repeating
    }

    /// One key.
    public struct Key: Sendable, Equatable {
        /// The option's long name without the dashes (`shards` for `--shards`).
        public var name: String
        /// The shape of its value.
        public var kind: Kind
        /// Its default as the command line's help shows it, if it has one.
        public var defaultValue: String?

        /// Creates a key.
        public init(name: String, kind: Kind, defaultValue: String? = nil) {
            self.name = name
            self.kind = kind
            self.defaultValue = defaultValue
        }

        /// The option as the command line spells it (`--shards`).
        public var option: String { "--" + name }
    }

    /// The keys, in the order of `run --help`.
    public var keys: [Key]

    /// Creates a schema.
    public init(keys: [Key]) {
        self.keys = keys
    }

    /// The key named `name`, if there is one.
    public subscript(name: String) -> Key? {
        keys.first { $0.name == name }
    }
}
