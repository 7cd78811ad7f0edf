import Appliance
import ArgumentParser

/// `openli-appliance audit list|verify`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and check the store's append-only, hash-chained audit log.",
        subcommands: [List.self, Verify.self]
    )

    /// `audit list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the audit log.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.listAudit() }
        }
    }

    /// `audit verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the hash chain. Exit status 0 when intact, 1 naming the first bad row."
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.verifyAudit() }
        }
    }
}
