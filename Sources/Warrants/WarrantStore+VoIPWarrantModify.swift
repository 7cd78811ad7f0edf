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
        try modifyWarrant(
            liid: liid,
            fetch: Self.fetchVoIPWarrant,
            validate: { warrant throws(StoreError) in try WarrantValidation.validated(warrant) },
            change: change,
            audit: \.auditJSON,
            update: { db, stored in
                try db.execute(
                    sql: """
                        UPDATE voip_warrants SET agency = ?, auth_cc = ?, delivery_cc = ?, start_micros = ?,
                            end_micros = ?, delivery = ?, modified_micros = ? WHERE liid = ?
                        """,
                    arguments: [
                        stored.agency, stored.authorizationCountryCode, stored.deliveryCountryCode, stored.startMicros,
                        stored.endMicros, stored.delivery.rawValue, stored.modifiedMicros, stored.liid,
                    ]
                )
                try db.execute(sql: "DELETE FROM voip_warrant_targets WHERE liid = ?", arguments: [stored.liid])
                try Self.insertVoIPTargets(db, liid: stored.liid, targets: stored.targets)
            }
        )
    }
}
