import Appliance
import ArgumentParser

/// `openli-appliance audit list|verify`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and check the store's append-only audit log, chained by HMAC-SHA256 under the audit key.",
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
            abstract: "Recompute the keyed hash chain and replay the log against the tables.",
            discussion: """
                Checks every row's HMAC under the audit key (--audit-key, default beside the store), the triggers \
                that keep the log append-only, and that replaying the log from an empty store gives exactly the \
                agencies, warrants and servers in the tables. Exit status 0 when intact, 1 with one line naming the \
                first problem (the row, or the table, record and field).
                """
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.verifyAudit() }
        }
    }
}
