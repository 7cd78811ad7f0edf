import Warrants

extension AdminCommands {
    /// `audit list`: every audit row as a table, oldest first.
    public func listAudit() throws(ApplianceError) -> AdminOutput {
        let command = "audit list"
        let store = try openStore(command)
        let entries = try run(command) { () throws(StoreError) in try store.auditEntries() }
        let rows = entries.map { entry in
            [
                String(entry.id), ISO8601Time.format(micros: entry.timeMicros), entry.user, entry.action,
                entry.subject, entry.command,
            ]
        }
        let header = ["ID", "TIME", "USER", "ACTION", "SUBJECT", "COMMAND"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `audit verify`: recomputes the hash chain. A broken log is a runtime error (exit status 1) naming the row.
    public func verifyAudit() throws(ApplianceError) -> AdminOutput {
        let command = "audit verify"
        let store = try openStore(command)
        let verification = try run(command) { () throws(StoreError) in try store.verifyAudit() }
        if let problem = verification.problem {
            throw ApplianceError(.runtime, "\(command): \(problem)")
        }
        return AdminOutput(lines: ["audit log intact: \(verification.rows) rows"])
    }
}
