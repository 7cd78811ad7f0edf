import GRDB

extension WarrantStore {
    /// Changes an agency: `change` edits a copy of the stored agency, and the result is validated as a whole (the
    /// rules of ``addAgency(_:)``) and written in one transaction with an `agency.modify` audit row (before and
    /// after) that bumps the change id. The name is the store's and is kept whatever `change` does to it. A change
    /// that leaves the agency as it is writes nothing. Refused when the agency does not exist, or was changed by
    /// someone else meanwhile.
    @discardableResult
    public func modifyAgency(
        named name: String,
        _ change: (inout Agency) throws(StoreError) -> Void
    ) throws(StoreError) -> Agency {
        guard let current = try agency(named: name) else {
            throw StoreError(.notFound, field: "name", "agency \(StoreError.quoted(name)) does not exist")
        }
        var edited = current
        try change(&edited)
        edited.name = current.name
        let stored = try WarrantValidation.validated(edited)
        guard stored != current else {
            return current
        }
        return try write { db in
            guard try Self.fetchAgency(db, named: name) == current else {
                throw StoreError(
                    .conflict,
                    field: "name",
                    "agency \(StoreError.quoted(name)) was changed or removed meanwhile; try again"
                )
            }
            try db.execute(sql: "DELETE FROM agencies WHERE name = ?", arguments: [name])
            try Self.insertAgency(db, stored)
            let change = AuditChange(
                action: "agency.modify",
                subject: name,
                before: current.auditJSON,
                after: stored.auditJSON
            )
            return (change, stored)
        }
    }
}
