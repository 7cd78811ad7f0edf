import GRDB

extension WarrantStore {
    /// Changes an IP warrant: `change` edits a copy of the stored warrant, and the result is validated as a whole
    /// (the rules of ``addIPWarrant(_:)``) and written in one transaction with a `warrant.modify` audit row (before
    /// and after) that bumps the change id and sets ``IPWarrant/modifiedMicros``.
    ///
    /// The LIID, creation and end times are the store's and are kept whatever `change` does to them. A change that
    /// leaves the warrant as it is writes nothing and returns the stored warrant. Refused when the warrant does not
    /// exist, has been ended, names an agency that does not exist, or was changed by someone else meanwhile.
    @discardableResult
    public func modifyIPWarrant(
        liid: String,
        _ change: (inout IPWarrant) throws(StoreError) -> Void
    ) throws(StoreError) -> IPWarrant {
        try modifyWarrant(
            liid: liid,
            fetch: Self.fetchIPWarrant,
            validate: { warrant throws(StoreError) in try WarrantValidation.validated(warrant) },
            change: change,
            audit: \.auditJSON,
            update: { db, stored in
                try db.execute(
                    sql: """
                        UPDATE ip_warrants SET agency = ?, username = ?, session_id = ?, auth_cc = ?, delivery_cc = ?,
                            start_micros = ?, end_micros = ?, delivery = ?, modified_micros = ? WHERE liid = ?
                        """,
                    arguments: [
                        stored.agency, stored.username, Int64(stored.sessionID), stored.authorizationCountryCode,
                        stored.deliveryCountryCode, stored.startMicros, stored.endMicros, stored.delivery.rawValue,
                        stored.modifiedMicros, stored.liid,
                    ]
                )
                try db.execute(sql: "DELETE FROM ip_warrant_targets WHERE liid = ?", arguments: [stored.liid])
                try Self.insertTargets(db, liid: stored.liid, prefixes: stored.staticPrefixes)
            }
        )
    }
}
