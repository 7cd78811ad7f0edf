extension WarrantStore {
    /// The action of the audit row that records a spool's adoption (``recordSpoolAdoption(spoolPath:previousStoreID:)``).
    public static let spoolAdoptedAction = "spool.adopt"

    /// The store's id: 32 lower-case hex digits (16 random bytes) made once, when the store was created or migrated
    /// to schema v5. Run state (the spool, the sequence-number journal, the status file) records the id of the store
    /// it belongs to.
    public func storeID() throws(StoreError) -> String {
        try read { db in try Self.setting(db, "store_id") }
    }

    /// Records in the audit log that `run` took over the spool at `spoolPath`, which belonged to the store with
    /// `previousStoreID` (nil when the spool named no store), for this store. No record changes: the audit replay
    /// passes over the row, and the change id moves as with every write.
    public func recordSpoolAdoption(spoolPath: String, previousStoreID: String?) throws(StoreError) {
        try write { db in
            let after = AuditJSON.object([
                ("spool", .string(spoolPath)),
                ("previous_store_id", .optional(previousStoreID)),
                ("store_id", .string(try Self.setting(db, "store_id"))),
            ])
            return (AuditChange(action: Self.spoolAdoptedAction, subject: spoolPath, after: after), ())
        }
    }
}
