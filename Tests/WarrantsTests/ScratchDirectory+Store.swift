import Foundation
import GRDB
import TestSupport
import Warrants

/// A scratch directory holding a store, as the store tests use it.
extension ScratchDirectory {
    /// Opens a store at `name` as the test actor.
    func store(_ name: String = "warrants.sqlite") throws -> WarrantStore {
        try WarrantStore(path: file(name), actor: .tester)
    }

    /// Runs raw SQL on the file, as someone with access to the file (not through the store).
    func raw(_ sql: String, in name: String = "warrants.sqlite") throws {
        let queue = try DatabaseQueue(path: file(name))
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// The permission bits of a file.
    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.posixPermissions] as? Int) ?? -1
    }
}
