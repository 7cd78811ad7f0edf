import Appliance
import Warrants

/// Runs one administrative action against the store named by `--db` (with the audit key of `--audit-key`) and prints
/// its output.
enum AdminInvocation {
    /// Runs `action`, printing its text to standard output and its notes to standard error.
    static func run(
        _ database: DatabaseOptions,
        _ action: (AdminCommands) throws(ApplianceError) -> AdminOutput
    ) throws(ApplianceError) {
        let commands = AdminCommands(
            databasePath: database.resolvedPath,
            actor: AuditActor.current(arguments: CommandLine.arguments),
            auditKeyPath: database.auditKeyPath
        )
        let output = try action(commands)
        print(output.text, terminator: "")
        for note in output.notes {
            StandardError.writeLine(note)
        }
    }
}
