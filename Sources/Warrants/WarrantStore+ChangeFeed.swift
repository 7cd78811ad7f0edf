import GRDB

extension WarrantStore {
    /// The store's state after each committed change later than audit row `auditID`, oldest first: for every audit
    /// row with a larger id, exactly what ``snapshot()`` would have returned just after that change (agencies,
    /// warrants not ended, servers, sinks), with ``StoreSnapshot/auditID`` set to the row and
    /// ``StoreSnapshot/changeID`` to the change id the store had then. Empty when nothing changed since.
    ///
    /// The running appliance keeps the ``StoreSnapshot/auditID`` of the state it applied and, when ``changeID()``
    /// moves, applies every state returned here in order, so that a warrant added and ended between two polls is
    /// still started and stopped. The states are rebuilt by replaying the audit log, read in one transaction; when
    /// the replay's final state differs from the tables (a record edited outside the store), the error says so and
    /// the caller should fall back to ``snapshot()``; so it should when `auditID` is beyond the log's last row (the
    /// file was replaced by an older one).
    public func snapshotsSince(auditID: Int64) throws(StoreError) -> [StoreSnapshot] {
        try read { db in
            let entries = try Self.fetchAuditEntries(db)
            let headID: Int64 = try Self.setting(db, "audit_head_id")
            let changeID: Int64 = try Self.setting(db, "change_id")
            guard (entries.last?.id ?? 0) == headID else {
                throw StoreError(.io, "the audit log of \(path) does not end at row \(headID), the row it recorded")
            }
            guard auditID <= headID else {
                throw StoreError(.io, "the audit log of \(path) ends at row \(headID), before row \(auditID)")
            }
            var replay = AuditReplay()
            var snapshots: [StoreSnapshot] = []
            for entry in entries {
                try replay.apply(entry)
                if entry.id > auditID {
                    snapshots.append(replay.snapshot(changeID: changeID - (headID - entry.id), auditID: entry.id))
                }
            }
            if let difference = try Self.tableDifference(db, from: replay) {
                throw StoreError(.io, "cannot follow the changes of \(path): \(difference)")
            }
            return snapshots
        }
    }
}
