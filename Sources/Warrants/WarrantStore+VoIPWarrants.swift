import GRDB

extension WarrantStore {
    /// Adds a VoIP warrant after validating it; its LIID must be new across IP and VoIP warrants (ended warrants
    /// keep theirs) and its agency must exist. The store sets ``VoIPWarrant/createdMicros``; a warrant given as ended
    /// is refused. Returns the warrant as stored (country codes upper case, targets canonical, duplicates removed).
    @discardableResult
    public func addVoIPWarrant(_ warrant: VoIPWarrant) throws(StoreError) -> VoIPWarrant {
        var stored = try WarrantValidation.validated(warrant)
        guard warrant.endedMicros == nil else {
            throw StoreError(.invalid, field: "ended", "a new warrant cannot already be ended")
        }
        stored.createdMicros = WallClock.nowMicros()
        stored.modifiedMicros = nil
        return try write { db in
            try Self.requireAgency(db, stored.agency)
            try Self.requireUnusedLIID(db, stored.liid)
            try db.execute(
                sql: """
                    INSERT INTO voip_warrants (liid, agency, auth_cc, delivery_cc, start_micros, end_micros, delivery,
                        ended_micros, created_micros, modified_micros) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL)
                    """,
                arguments: [
                    stored.liid, stored.agency, stored.authorizationCountryCode, stored.deliveryCountryCode,
                    stored.startMicros, stored.endMicros, stored.delivery.rawValue, stored.createdMicros,
                ]
            )
            try Self.insertVoIPTargets(db, liid: stored.liid, targets: stored.targets)
            return (AuditChange(action: "warrant.add", subject: stored.liid, after: stored.auditJSON), stored)
        }
    }

    /// VoIP warrants by LIID; ended ones only when `includeEnded`.
    public func voipWarrants(includeEnded: Bool) throws(StoreError) -> [VoIPWarrant] {
        try read { db in try Self.fetchVoIPWarrants(db, includeEnded: includeEnded) }
    }

    /// The VoIP warrant with `liid`, ended or not, or nil.
    public func voipWarrant(liid: String) throws(StoreError) -> VoIPWarrant? {
        try read { db in try Self.fetchVoIPWarrant(db, liid: liid) }
    }

    /// Refuses a LIID that an IP or a VoIP warrant (ended or not) already has.
    static func requireUnusedLIID(_ db: Database, _ liid: String) throws {
        let used = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM ip_warrants WHERE liid = ?)
                    OR EXISTS (SELECT 1 FROM voip_warrants WHERE liid = ?)
                """,
            arguments: [liid, liid]
        )
        guard used != true else {
            throw StoreError(.conflict, field: "LIID", "LIID \(StoreError.quoted(liid)) is already in use")
        }
    }

    /// Stores a VoIP warrant's targets in order, as their canonical text.
    static func insertVoIPTargets(_ db: Database, liid: String, targets: [VoIPTarget]) throws {
        for (position, target) in targets.enumerated() {
            try db.execute(
                sql: "INSERT INTO voip_warrant_targets (liid, position, target) VALUES (?, ?, ?)",
                arguments: [liid, position, target.description]
            )
        }
    }

    static func fetchVoIPWarrants(_ db: Database, includeEnded: Bool) throws -> [VoIPWarrant] {
        let filter = includeEnded ? "" : "WHERE ended_micros IS NULL"
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM voip_warrants \(filter) ORDER BY liid")
        let targetRows = try Row.fetchAll(
            db,
            sql: "SELECT liid, target FROM voip_warrant_targets ORDER BY liid, position"
        )
        var targets: [String: [String]] = [:]
        for row in targetRows {
            targets[try row.decode(String.self, forColumn: "liid"), default: []]
                .append(try row.decode(String.self, forColumn: "target"))
        }
        return try rows.map { row in try voipWarrant(from: row, targets: targets) }
    }

    static func fetchVoIPWarrant(_ db: Database, liid: String) throws -> VoIPWarrant? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM voip_warrants WHERE liid = ?", arguments: [liid])
        else {
            return nil
        }
        let targets = try String.fetchAll(
            db,
            sql: "SELECT target FROM voip_warrant_targets WHERE liid = ? ORDER BY position",
            arguments: [liid]
        )
        return try voipWarrant(from: row, targets: [liid: targets])
    }

    private static func voipWarrant(from row: Row, targets: [String: [String]]) throws -> VoIPWarrant {
        let liid = try row.decode(String.self, forColumn: "liid")
        guard let delivery = Delivery(rawValue: try row.decode(String.self, forColumn: "delivery")) else {
            throw StoreError(.io, "the warrant store holds an invalid delivery for warrant \(liid)")
        }
        var parsed: [VoIPTarget] = []
        for text in targets[liid] ?? [] {
            guard let target = VoIPTarget(stored: text) else {
                throw StoreError(.io, "the warrant store holds an invalid target for warrant \(liid)")
            }
            parsed.append(target)
        }
        return VoIPWarrant(
            liid: liid,
            agency: try row.decode(String.self, forColumn: "agency"),
            targets: parsed,
            authorizationCountryCode: try row.decode(String.self, forColumn: "auth_cc"),
            deliveryCountryCode: try row.decode(String.self, forColumn: "delivery_cc"),
            startMicros: try row.decode(Int64?.self, forColumn: "start_micros"),
            endMicros: try row.decode(Int64?.self, forColumn: "end_micros"),
            delivery: delivery,
            endedMicros: try row.decode(Int64?.self, forColumn: "ended_micros"),
            createdMicros: try row.decode(Int64.self, forColumn: "created_micros"),
            modifiedMicros: try row.decode(Int64?.self, forColumn: "modified_micros")
        )
    }
}
