import Crypto
import GRDB

/// The warrant store: one sqlite file (WAL) holding agencies, warrants, known servers, UDP sinks, settings and the
/// audit log.
///
/// Every write is one transaction that validates its input, makes the change, appends an audit row chained by
/// HMAC-SHA256 under the audit key (a file outside the database, ``auditKeyPath``) and bumps the change id, which
/// the running appliance polls (``changeID()``) to pick up changes (``snapshotsSince(auditID:)`` gives the state
/// after each of them). Reads see a consistent state. The file and its directory are created owner-only (0600 and
/// 0700), and so is the audit key.
public final class WarrantStore: Sendable {
    /// The database file's path.
    public let path: String
    /// Who the audit rows of this store's writes name.
    public let actor: AuditActor
    /// The schema version this build writes (the newest migration).
    public static let currentSchemaVersion = StoreSchema.currentVersion

    private let pool: DatabasePool

    /// The audit key file (``defaultAuditKeyPath(forStoreAt:)`` unless given when opening the store).
    public let auditKeyPath: String

    /// The audit key's default path: the store's path followed by `.audit-key`.
    public static func defaultAuditKeyPath(forStoreAt path: String) -> String {
        path + ".audit-key"
    }

    /// Opens the store at `path`, creating its directory (0700) and file (0600) when missing, switching to WAL and
    /// applying pending migrations. A store written by a newer version is refused.
    ///
    /// The audit key is the file at `auditKeyPath`, by default ``defaultAuditKeyPath(forStoreAt:)``. Creating a
    /// store, or migrating one written before schema v4, creates the key (0600) when the file does not exist.
    public init(path: String, actor: AuditActor, auditKeyPath: String? = nil) throws(StoreError) {
        let keyPath = auditKeyPath ?? Self.defaultAuditKeyPath(forStoreAt: path)
        try StoreFile.prepare(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "warrants"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .io("cannot open the warrant store at \(path)", error)
        }
        let migrator = StoreSchema.migrator(auditKeyPath: keyPath)
        let superseded: Bool
        do {
            superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if !superseded {
                try migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw StoreError(error.code, field: error.field, "cannot prepare the warrant store at \(path): \(error)")
        } catch {
            throw .io("cannot prepare the warrant store at \(path)", error)
        }
        guard !superseded else {
            throw StoreError(.io, "the warrant store at \(path) was written by a newer version of openli-appliance")
        }
        self.path = path
        self.actor = actor
        self.auditKeyPath = keyPath
        self.pool = pool
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The change id: 0 for a new store, +1 with every committed write.
    public func changeID() throws(StoreError) -> Int64 {
        try read { db in try Self.setting(db, "change_id") }
    }

    /// Agencies, warrants that have not been ended, servers, sinks, the change id and the last audit row, read in one
    /// transaction.
    public func snapshot() throws(StoreError) -> StoreSnapshot {
        try read { db in
            StoreSnapshot(
                changeID: try Self.setting(db, "change_id"),
                auditID: try Self.setting(db, "audit_head_id"),
                agencies: try Self.fetchAgencies(db),
                warrants: try Self.fetchWarrants(db, includeEnded: false),
                servers: try Self.fetchServers(db),
                sinks: try Self.fetchSinks(db)
            )
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io("cannot read the warrant store at \(path)", error)
        }
    }

    /// Runs `change` in one write transaction, appends the audit row it describes (hashed under the audit key) and
    /// bumps the change id.
    func write<T>(_ change: (Database) throws -> (AuditChange, T)) throws(StoreError) -> T {
        do {
            return try pool.write { db in
                let (audit, result) = try change(db)
                try appendAudit(audit, key: try auditKeyForWriting(db), db)
                let changeID: Int64 = try Self.setting(db, "change_id")
                try Self.setSetting(db, "change_id", String(changeID + 1))
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io("cannot write the warrant store at \(path)", error)
        }
    }

    /// The audit key. A missing key file is created only while the log is empty: an existing chain is never
    /// continued under a new key.
    private func auditKeyForWriting(_ db: Database) throws -> SymmetricKey {
        if let key = try AuditKeyFile.load(path: auditKeyPath) {
            return key
        }
        let headID: Int64 = try Self.setting(db, "audit_head_id")
        guard headID == 0 else {
            throw StoreError(
                .io,
                "the audit key \(auditKeyPath) is missing; the audit log of \(path) is chained under it, so no new key"
                    + " is made (restore the file, or give it with --audit-key FILE)"
            )
        }
        return try AuditKeyFile.loadOrCreate(path: auditKeyPath)
    }

    private func appendAudit(_ change: AuditChange, key: SymmetricKey, _ db: Database) throws {
        let headID: Int64 = try Self.setting(db, "audit_head_id")
        let headHash: String = try Self.setting(db, "audit_head_hash")
        var entry = AuditEntry(
            id: headID + 1,
            timeMicros: WallClock.nowMicros(),
            user: actor.user,
            command: actor.command,
            action: change.action,
            subject: change.subject,
            before: change.before?.text,
            after: change.after?.text,
            previousHash: headHash,
            hash: ""
        )
        entry.hash = AuditChain.hash(of: entry, key: key)
        try db.execute(
            sql: """
                INSERT INTO audit_log (id, time_micros, os_user, command, action, subject, before_json, after_json,
                    prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.id, entry.timeMicros, entry.user, entry.command, entry.action, entry.subject, entry.before,
                entry.after, entry.previousHash, entry.hash,
            ]
        )
        try Self.setSetting(db, "audit_head_id", String(entry.id))
        try Self.setSetting(db, "audit_head_hash", entry.hash)
    }

    /// A setting's value converted from its stored text.
    static func setting<Value: LosslessStringConvertible>(_ db: Database, _ key: String) throws -> Value {
        let text = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
        guard let text, let value = Value(text) else {
            throw StoreError(.io, "the warrant store has no valid setting \(key)")
        }
        return value
    }

    private static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "UPDATE settings SET value = ? WHERE key = ?", arguments: [value, key])
    }
}
