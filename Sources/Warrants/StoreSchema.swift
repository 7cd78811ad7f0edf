import GRDB

/// The store's schema, as a list of GRDB migrations applied in order when a store is opened.
///
/// A migration, once released, never changes: a later schema is a new migration ("v2", ...) appended here, and
/// ``currentVersion`` follows it. Each migration sets `PRAGMA user_version` and the `schema_version` setting.
enum StoreSchema {
    /// The version of the newest migration.
    static let currentVersion = 9

    /// Every migration, oldest first; v4 keeps the audit key at `auditKeyPath`.
    static func migrator(auditKeyPath: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        migrator.registerMigration("v3", migrate: v3)
        migrator.registerMigration("v4") { db in try v4(db, auditKeyPath: auditKeyPath) }
        migrator.registerMigration("v5", migrate: v5)
        migrator.registerMigration("v6", migrate: v6)
        migrator.registerMigration("v7", migrate: v7)
        migrator.registerMigration("v8", migrate: v8)
        migrator.registerMigration("v9", migrate: v9)
        return migrator
    }

    /// The triggers that keep `audit_log` append-only, as v1 created them (v4 recreates them after re-chaining).
    static let appendOnlyTriggers = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """

    /// Agencies, IP warrants and their targets, known servers, settings and the append-only audit log.
    private static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE agencies (
                    name TEXT PRIMARY KEY NOT NULL,
                    hi2_host TEXT NOT NULL,
                    hi2_port INTEGER NOT NULL,
                    hi3_host TEXT NOT NULL,
                    hi3_port INTEGER NOT NULL,
                    keepalive_seconds INTEGER NOT NULL,
                    keepalive_wait_seconds INTEGER NOT NULL,
                    country_code TEXT,
                    plaintext INTEGER NOT NULL
                );
                CREATE TABLE ip_warrants (
                    liid TEXT PRIMARY KEY NOT NULL,
                    agency TEXT NOT NULL,
                    username TEXT,
                    session_id INTEGER NOT NULL,
                    auth_cc TEXT NOT NULL,
                    delivery_cc TEXT NOT NULL,
                    start_micros INTEGER,
                    end_micros INTEGER,
                    delivery TEXT NOT NULL,
                    ended_micros INTEGER,
                    created_micros INTEGER NOT NULL
                );
                CREATE INDEX ip_warrants_agency ON ip_warrants(agency);
                CREATE TABLE ip_warrant_targets (
                    liid TEXT NOT NULL REFERENCES ip_warrants(liid),
                    position INTEGER NOT NULL,
                    prefix TEXT NOT NULL,
                    PRIMARY KEY (liid, position)
                );
                CREATE TABLE servers (
                    kind TEXT NOT NULL,
                    address TEXT NOT NULL,
                    port INTEGER NOT NULL,
                    PRIMARY KEY (kind, address, port)
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    time_micros INTEGER NOT NULL,
                    os_user TEXT NOT NULL,
                    command TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    before_json TEXT,
                    after_json TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                INSERT INTO settings (key, value) VALUES ('change_id', '0');
                INSERT INTO settings (key, value) VALUES ('audit_head_id', '0');
                INSERT INTO settings (key, value) VALUES ('audit_head_hash', '\(AuditChain.genesisHash)');
                INSERT INTO settings (key, value) VALUES ('schema_version', '1');
                PRAGMA user_version = 1;
                """
        )
    }

    /// Agencies gain TLS files and policy, timestamp format, OID profile and retry interval (v1 agencies were all
    /// plaintext and keep the defaults); IP warrants gain the time of their last modification.
    private static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE agencies ADD COLUMN tls_ca_path TEXT;
                ALTER TABLE agencies ADD COLUMN tls_cert_path TEXT;
                ALTER TABLE agencies ADD COLUMN tls_key_path TEXT;
                ALTER TABLE agencies ADD COLUMN tls_server_name TEXT;
                ALTER TABLE agencies ADD COLUMN tls12_allowed INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE agencies ADD COLUMN timestamp_format TEXT NOT NULL DEFAULT 'microseconds';
                ALTER TABLE agencies ADD COLUMN etsi_profile TEXT NOT NULL DEFAULT 'current';
                ALTER TABLE agencies ADD COLUMN retry_seconds INTEGER NOT NULL DEFAULT 10;
                ALTER TABLE ip_warrants ADD COLUMN modified_micros INTEGER;
                UPDATE settings SET value = '2' WHERE key = 'schema_version';
                PRAGMA user_version = 2;
                """
        )
    }

    /// VoIP warrants and their targets (SIP URIs and telephone numbers, as ``VoIPTarget/description`` text, in the
    /// order given). A LIID is unique across `ip_warrants` and `voip_warrants`; the store checks that on every add.
    private static func v3(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE voip_warrants (
                    liid TEXT PRIMARY KEY NOT NULL,
                    agency TEXT NOT NULL,
                    auth_cc TEXT NOT NULL,
                    delivery_cc TEXT NOT NULL,
                    start_micros INTEGER,
                    end_micros INTEGER,
                    delivery TEXT NOT NULL,
                    ended_micros INTEGER,
                    created_micros INTEGER NOT NULL,
                    modified_micros INTEGER
                );
                CREATE INDEX voip_warrants_agency ON voip_warrants(agency);
                CREATE TABLE voip_warrant_targets (
                    liid TEXT NOT NULL REFERENCES voip_warrants(liid),
                    position INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    PRIMARY KEY (liid, position)
                );
                UPDATE settings SET value = '3' WHERE key = 'schema_version';
                PRAGMA user_version = 3;
                """
        )
    }
}
