import Appliance
import ArgumentParser
import Configuration

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `openli-appliance` command: the appliance (`run`) and its administration (`agency`, `warrant`, `server`,
/// `sink`, `audit`).
///
/// Exit status: 0 on success and for `--help`, 2 for bad usage or input (one line on standard error), 1 for a
/// runtime failure.
@main
struct OpenLIAppliance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openli-appliance",
        abstract: "A lawful-interception appliance: capture, follow RADIUS sessions, deliver ETSI records.",
        discussion: """
            Exit status: 0 on success, 2 for bad usage or input, 1 for a runtime failure (for example a store that \
            cannot be opened, or a broken audit log).
            """,
        subcommands: [
            RunCommand.self, StatusCommand.self, AgencyCommand.self, WarrantCommand.self, ServerCommand.self,
            SinkCommand.self, AuditCommand.self, LEMFCommand.self, VerifyCommand.self, ConfigCommand.self,
        ]
    )

    static func main() async {
        terminate(await execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs `arguments`, returning the exit status. `run`'s arguments follow its configuration file's
    /// settings, and an error about a value from the file names its line.
    static func execute(_ arguments: [String]) async -> Int32 {
        var file: ConfigurationFile?
        do {
            var effective = arguments
            if arguments.first == RunCommand.configuration.commandName {
                let commandLine = Array(arguments.dropFirst())
                let configured = try RunCommand.withConfiguration(commandLine)
                effective = [arguments[0]] + configured.arguments
                file = configured.file
            }
            var command = try parseAsRoot(effective)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as ApplianceError {
            let located = file?.locate(error, overriddenBy: Array(arguments.dropFirst())) ?? error
            StandardError.writeLine(located.message)
            return located.exitStatus
        } catch {
            return report(error)
        }
    }

    /// Prints an error from ArgumentParser or from `run`: help goes to standard output with status 0; a usage
    /// error is one line (ArgumentParser's message, which names the option or argument), status 2; anything else is
    /// one line, status 1 (or the status the error carries).
    private static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        if code == .success {
            let text = fullMessage(for: error)
            if !text.isEmpty {
                print(text)
            }
            return 0
        }
        let message = message(for: error)
        if code == .validationFailure {
            StandardError.writeLine(
                message.split(separator: "\n").first.map(String.init) ?? "openli-appliance: bad usage"
            )
            return 2
        }
        if !message.isEmpty {
            StandardError.writeLine(message.split(separator: "\n").first.map(String.init) ?? message)
        }
        return code.rawValue
    }
}

/// Ends the process with `status`, flushing standard output.
private func terminate(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #elseif canImport(Musl)
    Musl.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
