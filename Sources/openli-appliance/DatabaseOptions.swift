import Appliance
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--db PATH` and `--audit-key FILE`, taken by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The warrant store, an sqlite file (default: \(AdminCommands.defaultDatabasePath); the environment"
                + " variable \(AdminCommands.databaseEnvironmentVariable) overrides the default).",
            valueName: "path"
        )
    )
    var path: String?

    @Option(
        name: .customLong("audit-key"),
        help: ArgumentHelp(
            "The audit key: 32 random bytes, mode 0600, under which the audit log is chained (default: the store's"
                + " path followed by .audit-key, created with the store).",
            valueName: "file"
        )
    )
    var auditKeyPath: String?

    /// The path to use: `--db`, else the environment variable, else the default.
    var resolvedPath: String {
        let variable = AdminCommands.databaseEnvironmentVariable
        var environment: [String: String] = [:]
        if let value = getenv(variable) {
            environment[variable] = String(cString: value)
        }
        return AdminCommands.databasePath(option: path, environment: environment)
    }
}
