import Appliance
import ArgumentParser
import Configuration
import Foundation
import Logging

extension RunCommand {
    /// The keys of a configuration file: every option of `run` (those of its option groups too) but `--config` and
    /// `--help`, read from the parser's own description, so an option added to `run` is a key without more work.
    static let configurationSchema: ConfigurationSchema = {
        let excluded: Set<String> = ["config", "help", "version"]
        let info = try? JSONDecoder().decode(CommandDescription.self, from: Data(_dumpHelp().utf8))
        let keys = (info?.command.arguments ?? []).compactMap { argument -> ConfigurationSchema.Key? in
            guard let name = argument.longName, !excluded.contains(name) else { return nil }
            switch argument.kind {
            case "flag":
                return ConfigurationSchema.Key(name: name, kind: .flag)
            case "option":
                let kind: ConfigurationSchema.Kind = argument.isRepeating ? .repeating : .single
                return ConfigurationSchema.Key(name: name, kind: kind, defaultValue: argument.defaultValue)
            default:
                return nil
            }
        }
        return ConfigurationSchema(keys: keys)
    }()

    /// `run`'s arguments with the configuration file's settings before them, and the file (nil when there is none):
    /// `--config FILE`, else the default file (``ConfigurationFile/path(option:environment:exists:)``). Arguments
    /// the parser refuses are returned as they are, for the parser to report.
    static func withConfiguration(
        _ commandLine: [String]
    ) throws(ApplianceError) -> (arguments: [String], file: ConfigurationFile?) {
        guard let parsed = try? RunCommand.parse(commandLine),
            let path = ConfigurationFile.path(
                option: parsed.config,
                environment: ProcessInfo.processInfo.environment,
                exists: FileManager.default.fileExists(atPath:)
            )
        else {
            return (commandLine, nil)
        }
        let file = try loadConfiguration(path: path, command: "run")
        return (file.arguments(overriddenBy: commandLine) + commandLine, file)
    }

    /// Reads the configuration file at `path` and checks that the parser takes each of its values, so that a value
    /// of the wrong type is refused with its line (`FILE:3: shards: "x" is not a whole number`).
    static func loadConfiguration(path: String, command: String) throws(ApplianceError) -> ConfigurationFile {
        let file: ConfigurationFile
        do {
            file = try ConfigurationFile.load(path: path, schema: configurationSchema, command: command)
        } catch {
            throw ApplianceError(error)
        }
        for entry in file.entries where entry.key.kind != .flag {
            for value in entry.values {
                let argument = "\(entry.key.option)=\(value.text)"
                do {
                    _ = try RunCommand.parse([argument])
                } catch {
                    let numeric = (try? RunCommand.parse(["\(entry.key.option)=0"])) != nil
                    let reason = numeric ? "is not a whole number" : "is refused: \(RunCommand.message(for: error))"
                    throw ApplianceError(
                        .usage,
                        "\(command): \(path):\(value.line): \(entry.key.name): \"\(value.text)\" \(reason)"
                    )
                }
            }
        }
        return file
    }
}

/// The part of the argument parser's description of a command (`--experimental-dump-help`) that names its options.
private struct CommandDescription: Decodable {
    struct Command: Decodable {
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var isRepeating: Bool
        var defaultValue: String?

        /// The first long name.
        var longName: String? {
            names?.first { $0.kind == "long" }?.name
        }
    }

    var command: Command
}

extension RunCommand {
    /// What a reload (SIGHUP) re-reads: the configuration file the run started with, if any, checked again in full
    /// (an error keeps the run's settings); its log level takes effect, unless the command line set `--log-level`,
    /// which still wins. Nil without a configuration file.
    func reloader() -> RunReloader? {
        guard
            let path = ConfigurationFile.path(
                option: config,
                environment: ProcessInfo.processInfo.environment,
                exists: FileManager.default.fileExists(atPath:)
            )
        else { return nil }
        let commandLineLevel =
            CommandLine.arguments.contains { $0 == "--log-level" || $0.hasPrefix("--log-level=") } ? logLevel : nil
        return { () throws(ApplianceError) -> RunReload in
            let file = try RunCommand.loadConfiguration(path: path, command: "run")
            let fileLevel = file.entries.first { $0.key.name == "log-level" }?.values.first
            let text = commandLineLevel ?? fileLevel?.text ?? "info"
            guard ApplianceLogging.levelNames.contains(text), let level = Logger.Level(rawValue: text) else {
                throw ApplianceError(
                    .usage,
                    "run: \(path):\(fileLevel?.line ?? 0): log-level: \"\(text)\" is not one of "
                        + ApplianceLogging.levelNames.joined(separator: ", ")
                )
            }
            return RunReload(logLevel: level)
        }
    }
}
