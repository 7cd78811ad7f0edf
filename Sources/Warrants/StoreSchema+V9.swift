import GRDB

extension StoreSchema {
    /// Per-agency payload encryption and integrity checks (issue 15): the method, key file path and key fingerprint,
    /// and the hash, its record count and interval, the signature's hash count and interval and the signing key's
    /// path. Every column is NULL for an agency without them, as every v8 agency is, so no row and no audit row
    /// changes. Keys themselves are never stored.
    static func v9(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE agencies ADD COLUMN encryption_method TEXT;
                ALTER TABLE agencies ADD COLUMN encryption_key_path TEXT;
                ALTER TABLE agencies ADD COLUMN encryption_key_fingerprint TEXT;
                ALTER TABLE agencies ADD COLUMN integrity_hash TEXT;
                ALTER TABLE agencies ADD COLUMN integrity_records_per_hash INTEGER;
                ALTER TABLE agencies ADD COLUMN integrity_hash_interval_seconds INTEGER;
                ALTER TABLE agencies ADD COLUMN integrity_hashes_per_signature INTEGER;
                ALTER TABLE agencies ADD COLUMN integrity_signature_interval_seconds INTEGER;
                ALTER TABLE agencies ADD COLUMN integrity_signing_key_path TEXT;
                UPDATE settings SET value = '9' WHERE key = 'schema_version';
                PRAGMA user_version = 9;
                """
        )
    }
}
