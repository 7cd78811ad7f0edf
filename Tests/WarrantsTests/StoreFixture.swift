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

    /// Every row of the tables that hold records and of the settings but the schema version, as text; of the
    /// agencies, the columns `agencyColumns` lists (those of the fixture's version, when a later one adds some).
    static func rows(_ scratch: ScratchDirectory, agencyColumns: String = "*") throws -> [String] {
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
