import Foundation
import Yams

/// A configuration file: YAML whose keys are `run`'s long option names without the dashes
/// (`interface: [eth1]`, `shards: 2`), read with every key's line so that an error names the file, the line and the
/// key (`run: /etc/openli-appliance/openli-appliance.conf:12: shards: "x" is not a number`).
///
/// Values are only checked for their shape here (a flag is true or false, a single option has one value); the
/// command line's own checks judge them, and ``locate(_:overriddenBy:)`` names the file's line in their errors.
public struct ConfigurationFile: Sendable {
    /// The file's path.
    public var path: String
    /// Its keys, in the file's order.
    public var entries: [ConfigurationEntry]

    /// Creates a configuration from entries already read.
    public init(path: String, entries: [ConfigurationEntry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads and parses the file at `path`. Errors start with `command` and name the file (and the line and key).
    public static func load(
        path: String,
        schema: ConfigurationSchema,
        command: String
    ) throws(ConfigurationError) -> ConfigurationFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            throw ConfigurationError("\(command): configuration file \(path): \(reason)")
        }
        return try parse(text, path: path, schema: schema, command: command)
    }

    /// Parses `text`, the contents of the file at `path`.
    public static func parse(
        _ text: String,
        path: String,
        schema: ConfigurationSchema,
        command: String
    ) throws(ConfigurationError) -> ConfigurationFile {
        let reader = ConfigurationReader(path: path, schema: schema, command: command)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw reader.syntaxError(error)
        }
        guard let root else {
            return ConfigurationFile(path: path, entries: [])
        }
        return ConfigurationFile(path: path, entries: try reader.entries(of: root))
    }

    /// The file's settings as command-line arguments, leaving out each repeatable key that `commandLine` gives
    /// (the command line's list replaces the file's), to be put before `commandLine`, whose single options then win
    /// (the last value of an option is the one used).
    public func arguments(overriddenBy commandLine: [String]) -> [String] {
        entries(notOverriddenBy: commandLine).flatMap(\.arguments)
    }

    /// The entries whose values take effect under `commandLine`: those whose option it does not give.
    public func entries(notOverriddenBy commandLine: [String]) -> [ConfigurationEntry] {
        let given = Self.optionsGiven(in: commandLine)
        return entries.filter { !given.contains($0.key.option) }
    }

    /// `message`, an error from checking the arguments, with the file's line and key in place of `--key` when the
    /// value it names came from the file (`run: --shards 99 is not in 1...64` ->
    /// `run: FILE:3: shards: 99 is not in 1...64`); other messages are returned as they are.
    public func locate(_ message: String, overriddenBy commandLine: [String]) -> String {
        for entry in entries(notOverriddenBy: commandLine) {
            guard let range = message.range(of: ": " + entry.key.option) else { continue }
            let rest = message[range.upperBound...]
            guard rest.isEmpty || rest.first == " " || rest.first == ":" else { continue }
            let command = message[..<range.lowerBound]
            let detail = rest.drop { $0 == " " || $0 == ":" }
            let line = entry.values.first { Self.detail(detail, startsWith: $0.text) }?.line
            return "\(command): \(path):\(line ?? entry.line): \(entry.key.name): \(detail)"
        }
        return message
    }

    /// Whether `detail` starts with `value`, quoted or not, as a whole word.
    private static func detail(_ detail: Substring, startsWith value: String) -> Bool {
        for shown in [value, "\"\(value)\""] where detail.hasPrefix(shown) {
            let next = detail.dropFirst(shown.count).first
            if next == nil || next == " " || next == "," || next == ":" { return true }
        }
        return false
    }

    /// The long options (`--name`) `arguments` gives, up to a `--` terminator.
    static func optionsGiven(in arguments: [String]) -> Set<String> {
        var options: Set<String> = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            options.insert(String(argument.prefix { $0 != "=" }))
        }
        return options
    }
}
