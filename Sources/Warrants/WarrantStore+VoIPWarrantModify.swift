import GRDB

extension WarrantStore {
    /// Changes a VoIP warrant: `change` edits a copy of the stored warrant, and the result is validated as a whole
    /// (the rules of ``addVoIPWarrant(_:)``) and written in one transaction with a `warrant.modify` audit row (before
    /// and after) that bumps the change id and sets ``VoIPWarrant/modifiedMicros``.
    ///
    /// The LIID, creation and end times are the store's and are kept whatever `change` does to them. A change that
    /// leaves the warrant as it is writes nothing and returns the stored warrant. Refused when the warrant does not
    /// exist, has been ended, names an agency that does not exist, or was changed by someone else meanwhile.
    @discardableResult
    public func modifyVoIPWarrant(
        liid: String,
        _ change: (inout VoIPWarrant) throws(StoreError) -> Void
    ) throws(StoreError) -> VoIPWarrant {
        guard let current = try read({ db in try Self.fetchVoIPWarrant(db, liid: liid) }) else {
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
        var stored = try WarrantValidation.validated(edited)
        guard stored != current else {
            return current
        }
        stored.modifiedMicros = max(WallClock.nowMicros(), (current.modifiedMicros ?? current.createdMicros) + 1)
        return try write { db in
            guard try Self.fetchVoIPWarrant(db, liid: liid) == current else {
                throw StoreError(
                    .conflict,
                    field: "LIID",
                    "warrant \(StoreError.quoted(liid)) was changed or ended meanwhile; try again"
                )
            }
            guard try Self.fetchAgency(db, named: stored.agency) != nil else {
                throw StoreError(
                    .notFound,
                    field: "--agency",
                    "--agency \(StoreError.quoted(stored.agency)) does not exist"
                )
            }
            try db.execute(
                sql: """
                    UPDATE voip_warrants SET agency = ?, auth_cc = ?, delivery_cc = ?, start_micros = ?,
                        end_micros = ?, delivery = ?, modified_micros = ? WHERE liid = ?
                    """,
                arguments: [
                    stored.agency, stored.authorizationCountryCode, stored.deliveryCountryCode, stored.startMicros,
                    stored.endMicros, stored.delivery.rawValue, stored.modifiedMicros, liid,
                ]
            )
            try db.execute(sql: "DELETE FROM voip_warrant_targets WHERE liid = ?", arguments: [liid])
            try Self.insertVoIPTargets(db, liid: liid, targets: stored.targets)
            let audit = AuditChange(
                action: "warrant.modify",
                subject: liid,
                before: current.auditJSON,
                after: stored.auditJSON
            )
            return (audit, stored)
        }
    }
}
