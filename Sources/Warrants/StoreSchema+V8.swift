import GRDB

extension StoreSchema {
    /// Vendor-mirror warrants and UDP sinks.
    ///
    /// An IP warrant's mirror intercept id, its vendor and its raw sink are more `warrant_targets` rows of the IP
    /// warrant (`mirror_id` in decimal, `mirror_vendor` as `jmirror`, `alu` or `cisco`, `sink` as endpoint text), so
    /// v7's tables hold them as they are and no row changes. UDP sinks (``UDPSink``) get a table of their own, one row
    /// per local address and port. The audit rows are not touched, so the chain stays intact.
    static func v8(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sinks (
                    address TEXT NOT NULL,
                    port INTEGER NOT NULL,
                    encapsulation TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    source_address TEXT,
                    source_port INTEGER,
                    PRIMARY KEY (address, port)
                );
                UPDATE settings SET value = '8' WHERE key = 'schema_version';
                PRAGMA user_version = 8;
                """
        )
    }
}
