import Yams

/// Turns a configuration file's YAML nodes into entries, refusing what is not a known key with a value of its shape;
/// every error names the file, the line and the key.
struct ConfigurationReader {
    /// The file's path, for errors.
    var path: String
    /// The keys the file may hold.
    var schema: ConfigurationSchema
    /// The command that reads the file, which starts every error (`run`, `config check`).
    var command: String

    /// The entries of the document `root`, which must be a mapping of keys to values.
    func entries(of root: Node) throws(ConfigurationError) -> [ConfigurationEntry] {
        guard case .mapping(let mapping) = root else {
            throw error(at: root, "the file is not a mapping of option names to values (such as shards: 2)")
        }
        var entries: [ConfigurationEntry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(at: keyNode, "a key is not a name (such as shards)")
            }
            let name = scalar.string
            guard let key = schema[name] else {
                throw error(at: keyNode, "\(name): unknown key (the keys are run's long options without the dashes)")
            }
            let line = Self.line(of: keyNode)
            let values = try self.values(of: valueNode, for: key)
            entries.append(ConfigurationEntry(key: key, line: line, values: values))
        }
        return entries
    }

    /// The values of `node` for `key`, refusing a value of the wrong shape.
    private func values(
        of node: Node,
        for key: ConfigurationSchema.Key
    ) throws(ConfigurationError) -> [ConfigurationEntry.Value] {
        switch (key.kind, node) {
        case (.flag, .scalar):
            guard let value = node.bool else {
                throw error(at: node, "\(key.name): \(Self.shown(node)) is not true or false")
            }
            return [ConfigurationEntry.Value(text: value ? "true" : "false", line: Self.line(of: node))]
        case (.single, .scalar):
            return [try value(of: node, for: key)]
        case (.repeating, .scalar):
            return [try value(of: node, for: key)]
        case (.repeating, .sequence(let sequence)):
            var values: [ConfigurationEntry.Value] = []
            for element in sequence {
                guard case .scalar = element else {
                    throw error(at: element, "\(key.name): an element of the list is \(Self.shape(of: element))")
                }
                values.append(try value(of: element, for: key))
            }
            return values
        case (.flag, _):
            throw error(at: node, "\(key.name): is \(Self.shape(of: node)), not true or false")
        case (.single, _):
            throw error(at: node, "\(key.name): is \(Self.shape(of: node)); it takes one value")
        case (.repeating, _):
            throw error(at: node, "\(key.name): is \(Self.shape(of: node)); it takes a value or a list of values")
        }
    }

    /// A scalar's text, refusing YAML's null (an empty value, `~` or `null` unquoted).
    private func value(
        of node: Node,
        for key: ConfigurationSchema.Key
    ) throws(ConfigurationError) -> ConfigurationEntry.Value {
        guard node.null == nil, let text = node.string else {
            throw error(at: node, "\(key.name): has no value")
        }
        return ConfigurationEntry.Value(text: text, line: Self.line(of: node))
    }

    /// The error for YAML that cannot be read: its line and libyaml's problem.
    func syntaxError(_ error: any Error) -> ConfigurationError {
        guard let yamlError = error as? YamlError else {
            return ConfigurationError("\(command): \(path): not valid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError("\(command): \(path):\(mark.line): not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.joined(separator: ", ")
            return ConfigurationError("\(command): \(path):\(context.mark.line): \(names): given more than once")
        case .reader(let problem, _, _, _):
            return ConfigurationError("\(command): \(path): not valid YAML: \(problem)")
        default:
            return ConfigurationError("\(command): \(path): not valid YAML: \(yamlError)")
        }
    }

    /// An error at `node`'s line.
    private func error(at node: Node, _ detail: String) -> ConfigurationError {
        ConfigurationError("\(command): \(path):\(Self.line(of: node)): \(detail)")
    }

    /// `node`'s line, from 1.
    private static func line(of node: Node) -> Int {
        node.mark?.line ?? 1
    }

    /// A scalar as the error shows it: quoted.
    private static func shown(_ node: Node) -> String {
        "\"\(node.string ?? "")\""
    }

    /// What `node` is, for an error.
    private static func shape(of node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
