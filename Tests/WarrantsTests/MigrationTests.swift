import GRDB
import TestSupport
import Testing
import Warrants

/// Databases written by earlier schema versions must open, keep their data and take new writes. Each released
/// schema keeps a frozen fixture here; a new migration adds its own fixture and leaves the older ones as they are.
@Suite struct MigrationTests {
    /// The v1 schema exactly as released, with one record of each kind and no audit rows.
    static let version1 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE agencies (name TEXT PRIMARY KEY NOT NULL, hi2_host TEXT NOT NULL, hi2_port INTEGER NOT NULL,
            hi3_host TEXT NOT NULL, hi3_port INTEGER NOT NULL, keepalive_seconds INTEGER NOT NULL,
            keepalive_wait_seconds INTEGER NOT NULL, country_code TEXT, plaintext INTEGER NOT NULL);
        CREATE TABLE ip_warrants (liid TEXT PRIMARY KEY NOT NULL, agency TEXT NOT NULL, username TEXT,
            session_id INTEGER NOT NULL, auth_cc TEXT NOT NULL, delivery_cc TEXT NOT NULL, start_micros INTEGER,
            end_micros INTEGER, delivery TEXT NOT NULL, ended_micros INTEGER, created_micros INTEGER NOT NULL);
        CREATE INDEX ip_warrants_agency ON ip_warrants(agency);
        CREATE TABLE ip_warrant_targets (liid TEXT NOT NULL REFERENCES ip_warrants(liid), position INTEGER NOT NULL,
            prefix TEXT NOT NULL, PRIMARY KEY (liid, position));
        CREATE TABLE servers (kind TEXT NOT NULL, address TEXT NOT NULL, port INTEGER NOT NULL,
            PRIMARY KEY (kind, address, port));
        CREATE TABLE audit_log (id INTEGER PRIMARY KEY, time_micros INTEGER NOT NULL, os_user TEXT NOT NULL,
            command TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, before_json TEXT, after_json TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        INSERT INTO settings VALUES ('change_id', '3');
        INSERT INTO settings VALUES ('audit_head_id', '0');
        INSERT INTO settings VALUES ('audit_head_hash', '\(String(repeating: "0", count: 64))');
        INSERT INTO settings VALUES ('schema_version', '1');
        PRAGMA user_version = 1;
        PRAGMA journal_mode = WAL;
        INSERT INTO agencies VALUES ('acme', '127.0.0.1', 9001, '::1', 9002, 300, 30, 'NZ', 1);
        INSERT INTO ip_warrants VALUES ('LIID1', 'acme', 'bob', 1, 'NZ', 'NZ', NULL, NULL, 'both', NULL, 1000);
        INSERT INTO ip_warrant_targets VALUES ('LIID1', 0, '198.51.100.7/32');
        INSERT INTO servers VALUES ('radius', '192.0.2.1', 1812);
        """

    @Test func opensAVersion1StoreAndKeepsItsData() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(Self.version1)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(try store.changeID() == 3)
        #expect(try store.agencies() == [Sample.agency()])
        let warrant = try #require(try store.warrant(liid: "LIID1"))
        #expect(warrant.username == "bob")
        #expect(warrant.staticPrefixes == ["198.51.100.7/32"])
        #expect(warrant.createdMicros == 1000)
        #expect(try store.servers() == [KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])

        try store.endWarrant(liid: "LIID1", atMicros: 2000)
        #expect(try store.changeID() == 4)
        // The fixture's records have no audit rows: the chain is intact, but the replay finds what bypassed the log.
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == 1)
        #expect(verification.problem == "audit row 1 (warrant.end) changes a warrant that is not there (\"LIID1\")")
    }

    /// The v2 schema exactly as released (v1 plus the agencies' handover settings and the warrants' modification
    /// time), with a TLS agency, a plaintext agency and a modified warrant.
    static let version2 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        INSERT INTO grdb_migrations VALUES ('v2');
        CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE agencies (name TEXT PRIMARY KEY NOT NULL, hi2_host TEXT NOT NULL, hi2_port INTEGER NOT NULL,
            hi3_host TEXT NOT NULL, hi3_port INTEGER NOT NULL, keepalive_seconds INTEGER NOT NULL,
            keepalive_wait_seconds INTEGER NOT NULL, country_code TEXT, plaintext INTEGER NOT NULL,
            tls_ca_path TEXT, tls_cert_path TEXT, tls_key_path TEXT, tls_server_name TEXT,
            tls12_allowed INTEGER NOT NULL DEFAULT 0, timestamp_format TEXT NOT NULL DEFAULT 'microseconds',
            etsi_profile TEXT NOT NULL DEFAULT 'current', retry_seconds INTEGER NOT NULL DEFAULT 10);
        CREATE TABLE ip_warrants (liid TEXT PRIMARY KEY NOT NULL, agency TEXT NOT NULL, username TEXT,
            session_id INTEGER NOT NULL, auth_cc TEXT NOT NULL, delivery_cc TEXT NOT NULL, start_micros INTEGER,
            end_micros INTEGER, delivery TEXT NOT NULL, ended_micros INTEGER, created_micros INTEGER NOT NULL,
            modified_micros INTEGER);
        CREATE INDEX ip_warrants_agency ON ip_warrants(agency);
        CREATE TABLE ip_warrant_targets (liid TEXT NOT NULL REFERENCES ip_warrants(liid), position INTEGER NOT NULL,
            prefix TEXT NOT NULL, PRIMARY KEY (liid, position));
        CREATE TABLE servers (kind TEXT NOT NULL, address TEXT NOT NULL, port INTEGER NOT NULL,
            PRIMARY KEY (kind, address, port));
        CREATE TABLE audit_log (id INTEGER PRIMARY KEY, time_micros INTEGER NOT NULL, os_user TEXT NOT NULL,
            command TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, before_json TEXT, after_json TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        INSERT INTO settings VALUES ('change_id', '5');
        INSERT INTO settings VALUES ('audit_head_id', '0');
        INSERT INTO settings VALUES ('audit_head_hash', '\(String(repeating: "0", count: 64))');
        INSERT INTO settings VALUES ('schema_version', '2');
        PRAGMA user_version = 2;
        PRAGMA journal_mode = WAL;
        INSERT INTO agencies VALUES ('acme', '127.0.0.1', 9001, '::1', 9002, 300, 30, 'NZ', 1,
            NULL, NULL, NULL, NULL, 0, 'microseconds', 'current', 10);
        INSERT INTO agencies VALUES ('secure', 'lemf.example', 9001, 'lemf.example', 9002, 300, 30, NULL, 0,
            '/etc/openli/ca.pem', '/etc/openli/appliance.pem', '/etc/openli/appliance.key', 'lemf.example', 1,
            'generalized', 'openli', 60);
        INSERT INTO ip_warrants VALUES ('LIID1', 'secure', 'bob', 1, 'NZ', 'NZ', NULL, NULL, 'iri', NULL, 1000,
            2000);
        INSERT INTO ip_warrant_targets VALUES ('LIID1', 0, '198.51.100.7/32');
        """

    @Test func migratesAVersion1StoreToVersion2() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(Self.version1)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let recorded = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'schema_version'")
        }
        #expect(recorded == String(WarrantStore.currentSchemaVersion))
        let agency = try #require(try store.agency(named: "acme"))
        #expect(agency.plaintext)
        #expect(agency.tls == nil)
        #expect(agency.timestampFormat == .microseconds)
        #expect(agency.etsiProfile == .current)
        #expect(agency.retrySeconds == Agency.defaultRetrySeconds)
        #expect(agency.hi3 == Endpoint(host: "::1", port: 9002))
        let warrant = try #require(try store.warrant(liid: "LIID1"))
        #expect(warrant.modifiedMicros == nil)
        #expect(warrant.createdMicros == 1000)

        try store.addAgency(AgencyHandoverSettingsTests.tlsAgency())
        let modified = try store.modifyWarrant(liid: "LIID1") { $0.agency = "secure" }
        #expect(modified.staticPrefixes == ["198.51.100.7/32"])
        #expect(modified.modifiedMicros != nil)
        #expect(try store.changeID() == 5)
        // The fixture's records have no audit rows: the chain is intact, but the replay finds what bypassed the log.
        #expect(try store.verifyAudit().firstBadRow == 2)
    }

    @Test func opensAVersion2StoreAndKeepsItsData() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(Self.version2)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(try store.changeID() == 5)
        var secure = AgencyHandoverSettingsTests.tlsAgency()
        secure.tls?.serverName = "lemf.example"
        #expect(try store.agencies() == [Sample.agency(), secure])
        let warrant = try #require(try store.warrant(liid: "LIID1"))
        #expect(warrant.modifiedMicros == 2000)
        #expect(warrant.delivery == .iri)
        try store.modifyWarrant(liid: "LIID1") { $0.delivery = .both }
        // The fixture's records have no audit rows: the chain is intact, but the replay finds what bypassed the log.
        #expect(try store.verifyAudit().problem?.hasPrefix("audit row 1 (warrant.modify) changes a warrant") == true)
    }

    @Test func reopeningAppliesNothingTwice() throws {
        let scratch = try ScratchDirectory()
        try scratch.store().addAgency(Sample.agency())
        let reopened = try scratch.store()
        #expect(try reopened.agencies().count == 1)
        #expect(try reopened.verifyAudit().isIntact)
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let applied = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied.count == WarrantStore.currentSchemaVersion)
        #expect(applied.first == "v1")
    }

    @Test func refusesAStoreFromANewerVersion() throws {
        let scratch = try ScratchDirectory()
        _ = try scratch.store()
        try scratch.raw("INSERT INTO grdb_migrations VALUES ('v999')")
        let error = storeError { () throws(StoreError) in
            _ = try WarrantStore(path: scratch.file("warrants.sqlite"), actor: .tester)
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("newer version") == true)
    }
}
