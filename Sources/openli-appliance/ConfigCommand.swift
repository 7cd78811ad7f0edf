import Appliance
import ArgumentParser
import Configuration
import Foundation

/// `openli-appliance config`: the configuration file of `run`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check run's configuration file.",
        subcommands: [ConfigCheckCommand.self]
    )
}

/// `openli-appliance config check`: reads and checks a configuration file as `run` would, without running.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a configuration file as run would, and print the options a run with it would use.",
        discussion: """
            Prints FILE: ok and the effective options (the file's values, else the defaults) as YAML, exit 0; or one \
            line naming the file, the line and the key, exit 2.
            """
    )

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The file (default: as run: $\(ConfigurationFile.environmentVariable), else"
                + " \(ConfigurationFile.defaultPath)).",
            valueName: "file"
        )
    )
    var config: String?

    func run() throws {
        let command = "config check"
        guard
            let path = ConfigurationFile.path(
                option: config,
                environment: ProcessInfo.processInfo.environment,
                exists: FileManager.default.fileExists(atPath:)
            )
        else {
            throw ApplianceError(
                .usage,
                "\(command): no configuration file: give --config FILE, or install \(ConfigurationFile.defaultPath)"
            )
        }
        let file = try RunCommand.loadConfiguration(path: path, command: command)
        let parsed = try RunCommand.parse(file.arguments(overriddenBy: []))
        do {
            _ = try parsed.checkedOptions()
        } catch {
            let renamed = ApplianceError(error.code, command + error.message.drop { $0 != ":" })
            throw file.locate(renamed, overriddenBy: [])
        }
        print("\(path): ok")
        do {
            print(try file.effectiveOptions(schema: RunCommand.configurationSchema), terminator: "")
        } catch {
            throw ApplianceError(error)
        }
    }
}
