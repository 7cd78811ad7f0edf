import GRDB

extension StoreSchema {
    /// Mobile warrants. They are rows of `warrants` of kind `mobile` whose `warrant_targets` are `imsi`, `msisdn`
    /// and `imei` rows, one per identity in order, holding its digits (``MobileIdentity/digits``), so v6's tables
    /// hold them as they are and no row changes. The version is what changes: a build that knows only v6 refuses a
    /// store that may hold mobile warrants, rather than failing on the first one it reads.
    static func v7(_ db: Database) throws {
        try db.execute(sql: "UPDATE settings SET value = '7' WHERE key = 'schema_version'; PRAGMA user_version = 7")
    }
}
