import GRDB

extension WarrantStore {
    /// Adds an IP warrant after validating it; its LIID must be new across IP and VoIP warrants (ended warrants keep
    /// theirs) and its agency must exist. The store sets ``IPWarrant/createdMicros``; a warrant given as ended is
    /// refused. Returns the warrant as stored (country codes upper case, prefixes canonical).
    @discardableResult
    public func addIPWarrant(_ warrant: IPWarrant) throws(StoreError) -> IPWarrant {
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
                    INSERT INTO ip_warrants (liid, agency, username, session_id, auth_cc, delivery_cc, start_micros,
                        end_micros, delivery, ended_micros, created_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
                    """,
                arguments: [
                    stored.liid, stored.agency, stored.username, Int64(stored.sessionID),
                    stored.authorizationCountryCode, stored.deliveryCountryCode, stored.startMicros, stored.endMicros,
                    stored.delivery.rawValue, stored.createdMicros,
                ]
            )
            try Self.insertTargets(db, liid: stored.liid, prefixes: stored.staticPrefixes)
            return (AuditChange(action: "warrant.add", subject: stored.liid, after: stored.auditJSON), stored)
        }
    }

    /// IP warrants by LIID; ended ones only when `includeEnded`.
    public func ipWarrants(includeEnded: Bool) throws(StoreError) -> [IPWarrant] {
        try read { db in try Self.fetchIPWarrants(db, includeEnded: includeEnded) }
    }

    /// The IP warrant with `liid`, ended or not, or nil.
    public func ipWarrant(liid: String) throws(StoreError) -> IPWarrant? {
        try read { db in try Self.fetchIPWarrant(db, liid: liid) }
    }

    /// Marks a warrant of either kind (IP or VoIP) ended at `atMicros`. The warrant is kept, for the audit; ending
    /// it twice is refused.
    public func endWarrant(liid: String, atMicros: Int64) throws(StoreError) {
        try write { db in
            let before: AuditJSON
            let after: AuditJSON
            let endedMicros: Int64?
            let table: String
            if var warrant = try Self.fetchIPWarrant(db, liid: liid) {
                (before, endedMicros, table) = (warrant.auditJSON, warrant.endedMicros, "ip_warrants")
                warrant.endedMicros = atMicros
                after = warrant.auditJSON
            } else if var warrant = try Self.fetchVoIPWarrant(db, liid: liid) {
                (before, endedMicros, table) = (warrant.auditJSON, warrant.endedMicros, "voip_warrants")
                warrant.endedMicros = atMicros
                after = warrant.auditJSON
            } else {
                throw StoreError(.notFound, field: "LIID", "warrant \(StoreError.quoted(liid)) does not exist")
            }
            guard endedMicros == nil else {
                throw StoreError(.conflict, field: "LIID", "warrant \(StoreError.quoted(liid)) has already been ended")
            }
            try db.execute(sql: "UPDATE \(table) SET ended_micros = ? WHERE liid = ?", arguments: [atMicros, liid])
            return (AuditChange(action: "warrant.end", subject: liid, before: before, after: after), ())
        }
    }

    /// Stores a warrant's static prefixes in order.
    static func insertTargets(_ db: Database, liid: String, prefixes: [String]) throws {
        for (position, prefix) in prefixes.enumerated() {
            try db.execute(
                sql: "INSERT INTO ip_warrant_targets (liid, position, prefix) VALUES (?, ?, ?)",
                arguments: [liid, position, prefix]
            )
        }
    }

    static func fetchIPWarrants(_ db: Database, includeEnded: Bool) throws -> [IPWarrant] {
        let filter = includeEnded ? "" : "WHERE ended_micros IS NULL"
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM ip_warrants \(filter) ORDER BY liid")
        let targets = try Row.fetchAll(db, sql: "SELECT liid, prefix FROM ip_warrant_targets ORDER BY liid, position")
        var prefixes: [String: [String]] = [:]
        for target in targets {
            prefixes[try target.decode(String.self, forColumn: "liid"), default: []]
                .append(try target.decode(String.self, forColumn: "prefix"))
        }
        return try rows.map { row in try warrant(from: row, prefixes: prefixes) }
    }

    static func fetchIPWarrant(_ db: Database, liid: String) throws -> IPWarrant? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM ip_warrants WHERE liid = ?", arguments: [liid]) else {
            return nil
        }
        let prefixes = try String.fetchAll(
            db,
            sql: "SELECT prefix FROM ip_warrant_targets WHERE liid = ? ORDER BY position",
            arguments: [liid]
        )
        return try warrant(from: row, prefixes: [liid: prefixes])
    }

    private static func warrant(from row: Row, prefixes: [String: [String]]) throws -> IPWarrant {
        let liid = try row.decode(String.self, forColumn: "liid")
        let session = try row.decode(Int64.self, forColumn: "session_id")
        guard let sessionID = UInt32(exactly: session),
            let delivery = Delivery(rawValue: try row.decode(String.self, forColumn: "delivery"))
        else {
            throw StoreError(.io, "the warrant store holds an invalid session id or delivery for warrant \(liid)")
        }
        return IPWarrant(
            liid: liid,
            agency: try row.decode(String.self, forColumn: "agency"),
            username: try row.decode(String?.self, forColumn: "username"),
            staticPrefixes: prefixes[liid] ?? [],
            sessionID: sessionID,
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
