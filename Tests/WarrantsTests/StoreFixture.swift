import Foundation
import GRDB
import TestSupport

/// A store written by an earlier release (`Fixtures/vN-store.sqlite` and its audit key), for the migration tests:
/// copied into a scratch directory as `warrants.sqlite` and read past the store.
struct StoreFixture {
    /// The schema version the fixture was written with.
    let version: Int

    /// Copies the fixture and its audit key into `scratch` as `warrants.sqlite`, not yet opened by the store.
    func copy(into scratch: ScratchDirectory) throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for suffix in ["sqlite", "sqlite.audit-key"] {
            try FileManager.default.copyItem(
                atPath: fixtures.appendingPathComponent("v\(version)-store.\(suffix)").path,
                toPath: scratch.file("warrants.\(suffix)")
            )
        }
    }

    /// The agencies' columns from v2 to v8 (every fixture has them; v9 adds the protection columns, NULL in a
    /// migrated row).
    static let agencyColumns =
        "name, hi2_host, hi2_port, hi3_host, hi3_port, keepalive_seconds, keepalive_wait_seconds, country_code, "
        + "plaintext, tls_ca_path, tls_cert_path, tls_key_path, tls_server_name, tls12_allowed, timestamp_format, "
        + "etsi_profile, retry_seconds"

    /// Every row of the tables that hold records and of the settings but the schema version, as text; of the
    /// agencies, the ``agencyColumns``.
    static func rows(_ scratch: ScratchDirectory) throws -> [String] {
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        return try queue.read { db in
            var rows: [String] = []
            for table in ["agencies", "warrants", "warrant_targets", "servers", "audit_log"] {
                let columns = table == "agencies" ? agencyColumns : "*"
                for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY rowid") {
                    rows.append(table + " " + row.description)
                }
            }
            let settings = try Row.fetchAll(
                db,
                sql: "SELECT * FROM settings WHERE key != 'schema_version' ORDER BY key"
            )
            return rows + settings.map { "settings " + $0.description }
        }
    }

    /// The schema version the file says it has.
    static func fileVersion(_ scratch: ScratchDirectory) throws -> Int {
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1 }
    }
}
