import GRDB

extension WarrantStore {
    /// The steps every `warrant modify` shares: `change` edits a copy of the stored warrant (`fetch`), the result is
    /// validated as a whole (`validate`) and written (`update`) in one transaction with a `warrant.modify` audit row
    /// (before and after) that bumps the change id and sets the modification time.
    ///
    /// The LIID, creation and end times are the store's and are kept whatever `change` does to them. A change that
    /// leaves the warrant as it is writes nothing and returns the stored warrant. Refused when the warrant does not
    /// exist, has been ended, names an agency that does not exist, or was changed by someone else meanwhile.
    func modifyWarrant<Warrant: WarrantRecord>(
        liid: String,
        fetch: (Database, String) throws -> Warrant?,
        validate: (Warrant) throws(StoreError) -> Warrant,
        change: (inout Warrant) throws(StoreError) -> Void,
        audit: (Warrant) -> AuditJSON,
        update: (Database, Warrant) throws -> Void
    ) throws(StoreError) -> Warrant {
        guard let current = try read({ db in try fetch(db, liid) }) else {
            throw StoreError(.notFound, field: "LIID", "warrant \(StoreError.quoted(liid)) does not exist")
        }
        guard current.endedMicros == nil else {
            throw StoreError(.conflict, field: "LIID", "warrant \(StoreError.quoted(liid)) has been ended")
        }
        var edited = current
        try change(&edited)
        edited.liid = current.liid
        edited.endedMicros = nil
        edited.createdMicros = current.createdMicros
        edited.modifiedMicros = current.modifiedMicros
        var stored = try validate(edited)
        guard stored != current else {
            return current
        }
        stored.modifiedMicros = max(WallClock.nowMicros(), (current.modifiedMicros ?? current.createdMicros) + 1)
        return try write { db in
            guard try fetch(db, liid) == current else {
                throw StoreError(
                    .conflict,
                    field: "LIID",
                    "warrant \(StoreError.quoted(liid)) was changed or ended meanwhile; try again"
                )
            }
            try Self.requireAgency(db, stored.agency)
            try update(db, stored)
            let change = AuditChange(
                action: "warrant.modify",
                subject: liid,
                before: audit(current),
                after: audit(stored)
            )
            return (change, stored)
        }
    }

    /// Refuses an agency name the store does not hold, naming `--agency`.
    static func requireAgency(_ db: Database, _ name: String) throws {
        guard try fetchAgency(db, named: name) != nil else {
            throw StoreError(.notFound, field: "--agency", "--agency \(StoreError.quoted(name)) does not exist")
        }
    }
}
