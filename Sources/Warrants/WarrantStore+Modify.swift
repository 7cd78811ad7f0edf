import GRDB

extension WarrantStore {
    /// Changes a warrant of any kind: `change` edits a copy of the stored warrant, and the result is validated as a
    /// whole (the rules of ``addWarrant(_:)``) and written in one transaction with a `warrant.modify` audit row
    /// (before and after) that bumps the change id and sets ``Warrant/modifiedMicros``.
    ///
    /// The LIID, creation and end times are the store's and are kept whatever `change` does to them; so is the kind
    /// (a change to a target of another kind is refused). A change that leaves the warrant as it is writes nothing and
    /// returns the stored warrant. Refused when the warrant does not exist, has been ended, names an agency or a raw
    /// sink that does not exist, or was changed by someone else meanwhile.
    @discardableResult
    public func modifyWarrant(
        liid: String,
        _ change: (inout Warrant) throws(StoreError) -> Void
    ) throws(StoreError) -> Warrant {
        guard let current = try read({ db in try Self.fetchWarrant(db, liid: liid) }) else {
            throw StoreError(.notFound, field: "liid", parts: Self.warrantNamed(liid, "does not exist"))
        }
        guard current.endedMicros == nil else {
            throw StoreError(.conflict, field: "liid", parts: Self.warrantNamed(liid, "has been ended"))
        }
        var edited = current
        try change(&edited)
        guard edited.target.kind == current.target.kind else {
            throw StoreError(
                .invalid,
                field: "target",
                parts: Self.warrantNamed(
                    liid,
                    "is \(Self.article(current.target.kind)) warrant; its kind cannot change"
                )
            )
        }
        edited.liid = current.liid
        edited.endedMicros = nil
        edited.createdMicros = current.createdMicros
        edited.modifiedMicros = current.modifiedMicros
        var stored = try WarrantValidation.validated(edited)
        guard stored != current else {
            return current
        }
        stored.modifiedMicros = max(WallClock.nowMicros(), (current.modifiedMicros ?? current.createdMicros) + 1)
        return try write { db in
            guard try Self.fetchWarrant(db, liid: liid) == current else {
                throw StoreError(
                    .conflict,
                    field: "liid",
                    parts: Self.warrantNamed(liid, "was changed or ended meanwhile; try again")
                )
            }
            try Self.requireAgency(db, stored.agency)
            try Self.requireRawSink(db, stored.target)
            try Self.updateWarrant(db, stored)
            let change = AuditChange(
                action: "warrant.modify",
                subject: liid,
                before: current.auditJSON,
                after: stored.auditJSON
            )
            return (change, stored)
        }
    }

    /// The kind with its indefinite article, as a message reads it (`a voip`, `an ip`, `an email`).
    private static func article(_ kind: String) -> String {
        (kind.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + kind
    }
}
