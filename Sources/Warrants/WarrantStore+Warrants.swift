import GRDB

extension WarrantStore {
    /// Adds a warrant of any kind after validating it (``WarrantValidation/validated(_:)-(Warrant)``); its LIID must
    /// be new (ended warrants keep theirs), its agency must exist, and so must the raw sink an IP warrant names
    /// (``IPTarget/sink``). The store sets ``Warrant/createdMicros``; a warrant given as ended is refused. Returns the
    /// warrant as stored (country codes upper case, targets canonical).
    @discardableResult
    public func addWarrant(_ warrant: Warrant) throws(StoreError) -> Warrant {
        var stored = try WarrantValidation.validated(warrant)
        guard warrant.endedMicros == nil else {
            throw StoreError(.invalid, field: "ended", "a new warrant cannot already be ended")
        }
        stored.createdMicros = WallClock.nowMicros()
        stored.modifiedMicros = nil
        return try write { db in
            try Self.requireAgency(db, stored.agency)
            try Self.requireUnusedLIID(db, stored.liid)
            try Self.requireRawSink(db, stored.target)
            try Self.insertWarrant(db, stored)
            return (AuditChange(action: "warrant.add", subject: stored.liid, after: stored.auditJSON), stored)
        }
    }

    /// Warrants of every kind by LIID; ended ones only when `includeEnded`.
    public func warrants(includeEnded: Bool) throws(StoreError) -> [Warrant] {
        try read { db in try Self.fetchWarrants(db, includeEnded: includeEnded) }
    }

    /// The warrant with `liid`, ended or not, or nil.
    public func warrant(liid: String) throws(StoreError) -> Warrant? {
        try read { db in try Self.fetchWarrant(db, liid: liid) }
    }

    /// Marks the warrant ended at `atMicros`. The warrant is kept, for the audit; ending it twice is refused.
    public func endWarrant(liid: String, atMicros: Int64) throws(StoreError) {
        try write { db in
            guard var warrant = try Self.fetchWarrant(db, liid: liid) else {
                throw StoreError(.notFound, field: "liid", parts: Self.warrantNamed(liid, "does not exist"))
            }
            guard warrant.endedMicros == nil else {
                throw StoreError(.conflict, field: "liid", parts: Self.warrantNamed(liid, "has already been ended"))
            }
            let before = warrant.auditJSON
            warrant.endedMicros = atMicros
            try db.execute(sql: "UPDATE warrants SET ended_micros = ? WHERE liid = ?", arguments: [atMicros, liid])
            return (AuditChange(action: "warrant.end", subject: liid, before: before, after: warrant.auditJSON), ())
        }
    }

    /// `warrant "LIID" <what>`, for messages about the warrant a LIID names.
    static func warrantNamed(_ liid: String, _ what: String) -> [StoreError.MessagePart] {
        [.text("warrant \(StoreError.quoted(liid)) \(what)")]
    }

    /// Refuses a LIID that a warrant (ended or not) already has.
    static func requireUnusedLIID(_ db: Database, _ liid: String) throws {
        let used = try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM warrants WHERE liid = ?)",
            arguments: [liid]
        )
        guard used != true else {
            throw StoreError(
                .conflict,
                field: "liid",
                parts: [.field("liid"), .text(" \(StoreError.quoted(liid)) is already in use")]
            )
        }
    }

    /// Refuses an agency name the store does not hold.
    static func requireAgency(_ db: Database, _ name: String) throws {
        guard try fetchAgency(db, named: name) != nil else {
            throw StoreError(
                .notFound,
                field: "agency",
                parts: [.field("agency"), .text(" \(StoreError.quoted(name)) does not exist")]
            )
        }
    }
}
