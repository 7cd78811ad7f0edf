import GRDB

extension StoreSchema {
    /// Email warrants. They are rows of `warrants` of kind `email` whose `warrant_targets` are `address` rows, one
    /// per mailbox in order (``EmailTarget/address``), so v5's tables hold them as they are and no row changes. The
    /// version is what changes: a build that knows only v5 refuses a store that may hold email warrants, rather than
    /// failing on the first one it reads.
    static func v6(_ db: Database) throws {
        try db.execute(sql: "UPDATE settings SET value = '6' WHERE key = 'schema_version'; PRAGMA user_version = 6")
    }
}
