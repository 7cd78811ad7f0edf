import Crypto
import GRDB

extension WarrantStore {
    /// Every audit row, oldest first.
    public func auditEntries() throws(StoreError) -> [AuditEntry] {
        try read { db in try Self.fetchAuditEntries(db) }
    }

    /// Checks the audit log and the tables against it, reporting the first problem found:
    ///
    /// - the hash chain, recomputed with HMAC-SHA256 under the audit key (``auditKeyPath``): a row edited, deleted,
    ///   inserted or moved, or a missing or wrong key;
    /// - the triggers that keep the table append-only;
    /// - the replay: every row's record JSON applied in order to an empty store must give exactly the agencies,
    ///   warrants (ended ones included), servers and sinks in the tables, so that a record edited outside the store shows up
    ///   (naming the table, the record and the field).
    public func verifyAudit() throws(StoreError) -> AuditVerification {
        let key: SymmetricKey?
        let keyProblem: String
        do {
            key = try AuditKeyFile.load(path: auditKeyPath)
            keyProblem = "the audit key \(auditKeyPath) is missing, so the hashes cannot be checked"
        } catch {
            key = nil
            keyProblem = error.message
        }
        return try read { db in
            let entries = try Self.fetchAuditEntries(db)
            guard let key else {
                return AuditVerification(rows: entries.count, problem: keyProblem)
            }
            let chain = AuditChain.verify(
                entries,
                headID: try Self.setting(db, "audit_head_id"),
                headHash: try Self.setting(db, "audit_head_hash"),
                hash: { entry in AuditChain.hash(of: entry, key: key) }
            )
            guard chain.isIntact else {
                return chain
            }
            guard try Self.appendOnlyTriggersInPlace(db) else {
                return AuditVerification(
                    rows: entries.count,
                    problem: "the triggers that keep audit_log append-only have been removed or changed"
                )
            }
            var replay = AuditReplay()
            for entry in entries {
                do throws(StoreError) {
                    try replay.apply(entry)
                } catch {
                    return AuditVerification(rows: entries.count, firstBadRow: entry.id, problem: error.message)
                }
            }
            if let difference = try Self.tableDifference(db, from: replay) {
                return AuditVerification(rows: entries.count, problem: difference)
            }
            return chain
        }
    }

    /// How the tables differ from `replay`, one line; nil when they hold exactly the replayed records.
    static func tableDifference(_ db: Database, from replay: AuditReplay) throws -> String? {
        let agencies: [Agency]
        let warrants: [Warrant]
        let servers: [KnownServer]
        let sinks: [UDPSink]
        do {
            agencies = try fetchAgencies(db)
            warrants = try fetchWarrants(db, includeEnded: true)
            servers = try fetchServers(db)
            sinks = try fetchSinks(db)
        } catch let error as StoreError {
            return "the tables differ from the audit log: \(error.message)"
        }
        return replay.firstDifference(agencies: agencies, warrants: warrants, servers: servers, sinks: sinks).map {
            "the tables differ from the audit log: \($0)"
        }
    }

    /// True when the triggers that keep `audit_log` append-only are there.
    static func appendOnlyTriggersInPlace(_ db: Database) throws -> Bool {
        let triggers = try String.fetchAll(
            db,
            sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name"
        )
        return triggers == ["audit_log_no_delete", "audit_log_no_update"]
    }

    static func fetchAuditEntries(_ db: Database) throws -> [AuditEntry] {
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
