import GRDB

extension StoreSchema {
    /// The audit chain becomes keyed: the existing rows' unkeyed SHA-256 chain is checked and, when intact, every row
    /// is re-chained with HMAC-SHA256 under the audit key at `auditKeyPath` (created, 0600, when missing).
    ///
    /// A chain that is already broken, or whose append-only triggers are gone, is not re-chained: re-chaining would
    /// make the damage verify as intact. The migration is refused instead (the store stays at v3, for inspection
    /// with the release that wrote it).
    static func v4(_ db: Database, auditKeyPath: String) throws {
        let entries = try WarrantStore.fetchAuditEntries(db)
        let legacy = AuditChain.verify(
            entries,
            headID: try WarrantStore.setting(db, "audit_head_id"),
            headHash: try WarrantStore.setting(db, "audit_head_hash"),
            hash: AuditChain.legacyHash(of:)
        )
        if let problem = legacy.problem {
            throw StoreError(
                .io,
                "schema migration v4 refused: the audit log is already broken (\(problem)); it is not re-chained"
                    + " under the audit key, so that the damage stays visible"
            )
        }
        guard try WarrantStore.appendOnlyTriggersInPlace(db) else {
            throw StoreError(
                .io,
                "schema migration v4 refused: the triggers that keep audit_log append-only have been removed or"
                    + " changed; the log is not re-chained under the audit key"
            )
        }
        let key = try AuditKeyFile.loadOrCreate(path: auditKeyPath)
        try db.execute(sql: "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
        var previousHash = AuditChain.genesisHash
        for var entry in entries {
            entry.previousHash = previousHash
            entry.hash = AuditChain.hash(of: entry, key: key)
            try db.execute(
                sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                arguments: [entry.previousHash, entry.hash, entry.id]
            )
            previousHash = entry.hash
        }
        try db.execute(sql: appendOnlyTriggers)
        try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'audit_head_hash'", arguments: [previousHash])
        try db.execute(sql: "UPDATE settings SET value = '4' WHERE key = 'schema_version'; PRAGMA user_version = 4")
    }
}
