/// A store written by schema v3 with a full audit log, for the v4 migration (the keyed audit chain) and the replay.
enum MigrationV4Fixture {
    /// A v3 store as released that lived through v1 (rows 1-3, JSON without the later keys), v2 (rows 4-5) and v3
    /// (rows 6-8): agencies acme (v1, plaintext) and secure (TLS), IP warrant LIID1 (modified), VoIP warrants V1 and
    /// V2 (ended), a RADIUS server; the audit rows are chained with unkeyed SHA-256, as v1-v3 wrote them.
    static let version3 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        INSERT INTO grdb_migrations VALUES ('v2');
        INSERT INTO grdb_migrations VALUES ('v3');
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
        CREATE TABLE voip_warrants (liid TEXT PRIMARY KEY NOT NULL, agency TEXT NOT NULL, auth_cc TEXT NOT NULL,
            delivery_cc TEXT NOT NULL, start_micros INTEGER, end_micros INTEGER, delivery TEXT NOT NULL,
            ended_micros INTEGER, created_micros INTEGER NOT NULL, modified_micros INTEGER);
        CREATE INDEX voip_warrants_agency ON voip_warrants(agency);
        CREATE TABLE voip_warrant_targets (liid TEXT NOT NULL REFERENCES voip_warrants(liid),
            position INTEGER NOT NULL, target TEXT NOT NULL, PRIMARY KEY (liid, position));
        INSERT INTO settings VALUES ('change_id', '8');
        INSERT INTO settings VALUES ('audit_head_id', '8');
        INSERT INTO settings VALUES ('audit_head_hash',
            'eaade36303eca8164e5e4d2c6d3bc06d37ef07642fe27111e6a7e59fd3949aff');
        INSERT INTO settings VALUES ('schema_version', '3');
        PRAGMA user_version = 3;
        PRAGMA journal_mode = WAL;
        INSERT INTO agencies VALUES ('acme', '127.0.0.1', 9001, '::1', 9002, 300, 30, 'NZ', 1,
            NULL, NULL, NULL, NULL, 0, 'microseconds', 'current', 10);
        INSERT INTO agencies VALUES ('secure', 'lemf.example', 9001, 'lemf.example', 9002, 300, 30, NULL, 0,
            '/etc/openli/ca.pem', '/etc/openli/appliance.pem', '/etc/openli/appliance.key', 'lemf.example', 1,
            'generalized', 'openli', 60);
        INSERT INTO ip_warrants VALUES ('LIID1', 'secure', 'bob', 1, 'NZ', 'NZ', NULL, NULL, 'iri', NULL,
            1767225600000000, 1767312000000000);
        INSERT INTO ip_warrant_targets VALUES ('LIID1', 0, '198.51.100.7/32');
        INSERT INTO voip_warrants VALUES ('V1', 'acme', 'NZ', 'NZ', 1893456000000000, NULL, 'both', NULL,
            1767398400000000, NULL);
        INSERT INTO voip_warrants VALUES ('V2', 'acme', 'NZ', 'AU', NULL, NULL, 'cc', 1767528000250000,
            1767484800000000, NULL);
        INSERT INTO voip_warrant_targets VALUES ('V1', 0, 'sip:alice@*');
        INSERT INTO voip_warrant_targets VALUES ('V1', 1, 'tel:*3257781');
        INSERT INTO voip_warrant_targets VALUES ('V2', 0, 'tel:+643257781');
        INSERT INTO servers VALUES ('radius', '192.0.2.1', 1812);
        INSERT INTO audit_log VALUES (1, 1767225601000000, 'tester', 'openli-appliance test',
            'agency.add', 'acme',
            NULL,
            '{"name":"acme","hi2":"127.0.0.1:9001","hi3":"[::1]:9002","keepalive":300,"keepalive_wait":30,\
        "country":"NZ","plaintext":true}',
            '0000000000000000000000000000000000000000000000000000000000000000',
            '093ba94d4c3931b543ed0bebf5381eec730b9cd14f39ac4cd03dc562650ae9eb');
        INSERT INTO audit_log VALUES (2, 1767225602000000, 'tester', 'openli-appliance test',
            'warrant.add', 'LIID1',
            NULL,
            '{"liid":"LIID1","agency":"acme","user":"bob","static_ips":["198.51.100.7/32"],"session_id":1,\
        "auth_cc":"NZ","delivery_cc":"NZ","start":null,"end":null,"deliver":"both","ended":null,\
        "created":"2026-01-01T00:00:00Z"}',
            '093ba94d4c3931b543ed0bebf5381eec730b9cd14f39ac4cd03dc562650ae9eb',
            '1b1e127ece354428ddd49d6e0dc69d397f62450051403889c169254d830b43a8');
        INSERT INTO audit_log VALUES (3, 1767225603000000, 'tester', 'openli-appliance test',
            'server.add', 'radius 192.0.2.1:1812',
            NULL,
            '[{"kind":"radius","address":"192.0.2.1","port":1812}]',
            '1b1e127ece354428ddd49d6e0dc69d397f62450051403889c169254d830b43a8',
            '6af52a4737d128d25c7c141df560318566a6a58e01c1f941013c07fd873c800e');
        INSERT INTO audit_log VALUES (4, 1767225604000000, 'tester', 'openli-appliance test',
            'agency.add', 'secure',
            NULL,
            '{"name":"secure","hi2":"lemf.example:9001","hi3":"lemf.example:9002","keepalive":300,\
        "keepalive_wait":30,"country":null,"plaintext":false,"tls":{"ca":"/etc/openli/ca.pem",\
        "cert":"/etc/openli/appliance.pem","key":"/etc/openli/appliance.key","server_name":"lemf.example",\
        "tls12":true},"timestamp":"generalized","etsi_profile":"openli","retry":60}',
            '6af52a4737d128d25c7c141df560318566a6a58e01c1f941013c07fd873c800e',
            '421441e85370793f9c0ec298ec6ec0bd89fe6857f351a25751c89676589a0b41');
        INSERT INTO audit_log VALUES (5, 1767225605000000, 'tester', 'openli-appliance test',
            'warrant.modify', 'LIID1',
            '{"liid":"LIID1","agency":"acme","user":"bob","static_ips":["198.51.100.7/32"],"session_id":1,\
        "auth_cc":"NZ","delivery_cc":"NZ","start":null,"end":null,"deliver":"both","ended":null,\
        "created":"2026-01-01T00:00:00Z","modified":null}',
            '{"liid":"LIID1","agency":"secure","user":"bob","static_ips":["198.51.100.7/32"],"session_id":1,\
        "auth_cc":"NZ","delivery_cc":"NZ","start":null,"end":null,"deliver":"iri","ended":null,\
        "created":"2026-01-01T00:00:00Z","modified":"2026-01-02T00:00:00Z"}',
            '421441e85370793f9c0ec298ec6ec0bd89fe6857f351a25751c89676589a0b41',
            'a5edb0cc4b46775e3edf0a4c3118d4edb75d5c3d6f155bc57934a1bbc2fbb360');
        INSERT INTO audit_log VALUES (6, 1767225606000000, 'tester', 'openli-appliance test',
            'warrant.add', 'V1',
            NULL,
            '{"liid":"V1","kind":"voip","agency":"acme","targets":["sip:alice@*","tel:*3257781"],"auth_cc":"NZ",\
        "delivery_cc":"NZ","start":"2030-01-01T00:00:00Z","end":null,"deliver":"both","ended":null,\
        "created":"2026-01-03T00:00:00Z","modified":null}',
            'a5edb0cc4b46775e3edf0a4c3118d4edb75d5c3d6f155bc57934a1bbc2fbb360',
            '12e182d137a0b025575a76aa25972d38b18eb5a0ac406fff1b72b891972bf3f2');
        INSERT INTO audit_log VALUES (7, 1767225607000000, 'tester', 'openli-appliance test',
            'warrant.add', 'V2',
            NULL,
            '{"liid":"V2","kind":"voip","agency":"acme","targets":["tel:+643257781"],"auth_cc":"NZ",\
        "delivery_cc":"AU","start":null,"end":null,"deliver":"cc","ended":null,"created":"2026-01-04T00:00:00Z",\
        "modified":null}',
            '12e182d137a0b025575a76aa25972d38b18eb5a0ac406fff1b72b891972bf3f2',
            'fea0de8efc05576d795f5dd0b55603363967872518c1cb1d46740e0cc7d32e8f');
        INSERT INTO audit_log VALUES (8, 1767225608000000, 'tester', 'openli-appliance test',
            'warrant.end', 'V2',
            '{"liid":"V2","kind":"voip","agency":"acme","targets":["tel:+643257781"],"auth_cc":"NZ",\
        "delivery_cc":"AU","start":null,"end":null,"deliver":"cc","ended":null,"created":"2026-01-04T00:00:00Z",\
        "modified":null}',
            '{"liid":"V2","kind":"voip","agency":"acme","targets":["tel:+643257781"],"auth_cc":"NZ",\
        "delivery_cc":"AU","start":null,"end":null,"deliver":"cc","ended":"2026-01-04T12:00:00.250000Z",\
        "created":"2026-01-04T00:00:00Z","modified":null}',
            'fea0de8efc05576d795f5dd0b55603363967872518c1cb1d46740e0cc7d32e8f',
            'eaade36303eca8164e5e4d2c6d3bc06d37ef07642fe27111e6a7e59fd3949aff');
        \(updateTrigger)
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """

    /// The trigger that refuses updates of audit rows, as v1 created it.
    static let updateTrigger = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
}
