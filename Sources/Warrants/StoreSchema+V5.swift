import GRDB

extension StoreSchema {
    /// One table for the warrants of every kind and one for their targets; and the store's id.
    ///
    /// `warrants` holds what every kind shares and the kind (`ip`, `voip`); `warrant_targets` holds each warrant's
    /// target as typed rows in order (``WarrantTarget/rows``): an IP warrant's `username`, its `static_prefix`es and
    /// its `session_id`; a VoIP warrant's `sip_uri`s and `tel`s. Every IP and VoIP warrant, ended ones included,
    /// moves over as it was, so its audit JSON, and with it the audit log's replay, stays the same. The audit rows are
    /// not touched, so the chain stays intact.
    ///
    /// The store gets its id (``WarrantStore/storeID()``): 16 random bytes, in hex, made once, here.
    static func v5(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE warrants (
                    liid TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
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
                CREATE INDEX warrants_agency ON warrants(agency);
                CREATE TABLE warrant_targets (
                    liid TEXT NOT NULL REFERENCES warrants(liid),
                    position INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (liid, position)
                );
                INSERT INTO warrants SELECT liid, 'ip', agency, auth_cc, delivery_cc, start_micros, end_micros,
                    delivery, ended_micros, created_micros, modified_micros FROM ip_warrants;
                INSERT INTO warrants SELECT liid, 'voip', agency, auth_cc, delivery_cc, start_micros, end_micros,
                    delivery, ended_micros, created_micros, modified_micros FROM voip_warrants;
                INSERT INTO warrant_targets (liid, position, type, value)
                    SELECT liid, 0, 'username', username FROM ip_warrants WHERE username IS NOT NULL;
                INSERT INTO warrant_targets (liid, position, type, value)
                    SELECT liid, position + 1, 'static_prefix', prefix FROM ip_warrant_targets;
                INSERT INTO warrant_targets (liid, position, type, value)
                    SELECT w.liid,
                        COALESCE((SELECT MAX(t.position) FROM ip_warrant_targets t WHERE t.liid = w.liid), -1) + 2,
                        'session_id', CAST(w.session_id AS TEXT) FROM ip_warrants w;
                INSERT INTO warrant_targets (liid, position, type, value)
                    SELECT liid, position, CASE WHEN target LIKE 'tel:%' THEN 'tel' ELSE 'sip_uri' END, target
                    FROM voip_warrant_targets;
                DROP TABLE ip_warrant_targets;
                DROP TABLE ip_warrants;
                DROP TABLE voip_warrant_targets;
                DROP TABLE voip_warrants;
                """
        )
        try db.execute(
            sql: "INSERT INTO settings (key, value) VALUES ('store_id', ?)",
            arguments: [randomStoreID()]
        )
        try db.execute(sql: "UPDATE settings SET value = '5' WHERE key = 'schema_version'; PRAGMA user_version = 5")
    }

    /// 16 random bytes as 32 lower-case hex digits.
    private static func randomStoreID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return byte < 0x10 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
