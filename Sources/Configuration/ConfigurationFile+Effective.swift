import Yams

extension ConfigurationFile {
    /// The options a run with this file (and no command-line option) would use, as a configuration file: every key
    /// with its value from the file, else its default; the keys with neither follow in a comment.
    public func effectiveOptions(schema: ConfigurationSchema) throws(ConfigurationError) -> String {
        var pairs: [(Node, Node)] = []
        var unset: [String] = []
        for key in schema.keys {
            let given = entries.last { $0.key.name == key.name }?.values.map(\.text)
            switch key.kind {
            case .flag:
                pairs.append((Node(key.name), Node(given?.first ?? "false")))
            case .single:
                if let value = given?.first ?? key.defaultValue {
                    pairs.append((Node(key.name), Node(value)))
                } else {
                    unset.append(key.name)
                }
            case .repeating:
                let values = (given ?? []).map { Node($0) }
                pairs.append((Node(key.name), Node(values, .implicit, .flow)))
            }
        }
        let text: String
        do {
            text = try Yams.serialize(node: Node(pairs))
        } catch {
            throw ConfigurationError(
                "\(path): the effective options cannot be written as YAML: \(error)",
                isRuntime: true
            )
        }
        return unset.isEmpty ? text : text + "# not set: \(unset.joined(separator: ", "))\n"
    }
}
