import GRDB

extension WarrantStore {
    /// Every audit row, oldest first.
    public func auditEntries() throws(StoreError) -> [AuditEntry] {
        try read { db in try Self.fetchAuditEntries(db) }
    }

    /// Recomputes the audit log's hash chain and reports the first row that was edited, deleted, inserted or moved,
    /// and whether the triggers that keep the table append-only are still in place.
    public func verifyAudit() throws(StoreError) -> AuditVerification {
        try read { db in
            let entries = try Self.fetchAuditEntries(db)
            let verification = AuditChain.verify(
                entries,
                headID: try Self.setting(db, "audit_head_id"),
                headHash: try Self.setting(db, "audit_head_hash")
            )
            guard verification.isIntact else {
                return verification
            }
            let triggers = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name"
            )
            guard triggers == ["audit_log_no_delete", "audit_log_no_update"] else {
                return AuditVerification(
                    rows: entries.count,
                    problem: "the triggers that keep audit_log append-only have been removed or changed"
                )
            }
            return verification
        }
    }

    private static func fetchAuditEntries(_ db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map { row in
            AuditEntry(
                id: try row.decode(Int64.self, forColumn: "id"),
                timeMicros: try row.decode(Int64.self, forColumn: "time_micros"),
                user: try row.decode(String.self, forColumn: "os_user"),
                command: try row.decode(String.self, forColumn: "command"),
                action: try row.decode(String.self, forColumn: "action"),
                subject: try row.decode(String.self, forColumn: "subject"),
                before: try row.decode(String?.self, forColumn: "before_json"),
                after: try row.decode(String?.self, forColumn: "after_json"),
                previousHash: try row.decode(String.self, forColumn: "prev_hash"),
                hash: try row.decode(String.self, forColumn: "hash")
            )
        }
    }
}
