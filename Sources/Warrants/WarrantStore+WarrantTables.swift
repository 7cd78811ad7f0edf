import GRDB

/// How warrants are written to and read from `warrants` and `warrant_targets` (schema v5).
extension WarrantStore {
    /// Inserts a warrant and its target rows.
    static func insertWarrant(_ db: Database, _ warrant: Warrant) throws {
        try db.execute(
            sql: """
                INSERT INTO warrants (liid, kind, agency, auth_cc, delivery_cc, start_micros, end_micros, delivery,
                    ended_micros, created_micros, modified_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                warrant.liid, warrant.target.kind, warrant.agency, warrant.authorizationCountryCode,
                warrant.deliveryCountryCode, warrant.startMicros, warrant.endMicros, warrant.delivery.rawValue,
                warrant.endedMicros, warrant.createdMicros, warrant.modifiedMicros,
            ]
        )
        try insertTargetRows(db, warrant)
    }

    /// Rewrites a warrant's shared fields (not its kind, LIID, creation or end) and its target rows.
    static func updateWarrant(_ db: Database, _ warrant: Warrant) throws {
        try db.execute(
            sql: """
                UPDATE warrants SET agency = ?, auth_cc = ?, delivery_cc = ?, start_micros = ?, end_micros = ?,
                    delivery = ?, modified_micros = ? WHERE liid = ?
                """,
            arguments: [
                warrant.agency, warrant.authorizationCountryCode, warrant.deliveryCountryCode, warrant.startMicros,
                warrant.endMicros, warrant.delivery.rawValue, warrant.modifiedMicros, warrant.liid,
            ]
        )
        try db.execute(sql: "DELETE FROM warrant_targets WHERE liid = ?", arguments: [warrant.liid])
        try insertTargetRows(db, warrant)
    }

    private static func insertTargetRows(_ db: Database, _ warrant: Warrant) throws {
        for (position, row) in warrant.target.rows.enumerated() {
            try db.execute(
                sql: "INSERT INTO warrant_targets (liid, position, type, value) VALUES (?, ?, ?, ?)",
                arguments: [warrant.liid, position, row.type, row.value]
            )
        }
    }

    static func fetchWarrants(_ db: Database, includeEnded: Bool) throws -> [Warrant] {
        let filter = includeEnded ? "" : "WHERE ended_micros IS NULL"
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM warrants \(filter) ORDER BY liid")
        var targets: [String: [WarrantTarget.Row]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT liid, type, value FROM warrant_targets ORDER BY liid, position") {
            targets[try row.decode(String.self, forColumn: "liid"), default: []].append(try targetRow(row))
        }
        return try rows.map { row in try warrant(from: row, targets: targets) }
    }

    static func fetchWarrant(_ db: Database, liid: String) throws -> Warrant? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM warrants WHERE liid = ?", arguments: [liid]) else {
            return nil
        }
        let targetRows = try Row.fetchAll(
            db,
            sql: "SELECT type, value FROM warrant_targets WHERE liid = ? ORDER BY position",
            arguments: [liid]
        )
        return try warrant(from: row, targets: [liid: try targetRows.map(targetRow)])
    }

    private static func targetRow(_ row: Row) throws -> WarrantTarget.Row {
        WarrantTarget.Row(
            type: try row.decode(String.self, forColumn: "type"),
            value: try row.decode(String.self, forColumn: "value")
        )
    }

    private static func warrant(from row: Row, targets: [String: [WarrantTarget.Row]]) throws -> Warrant {
        let liid = try row.decode(String.self, forColumn: "liid")
        let kind = try row.decode(String.self, forColumn: "kind")
        guard let delivery = Delivery(rawValue: try row.decode(String.self, forColumn: "delivery")) else {
            throw StoreError(.io, "the warrant store holds an invalid delivery for warrant \(liid)")
        }
        guard let target = WarrantTarget(kind: kind, rows: targets[liid] ?? []) else {
            throw StoreError(.io, "the warrant store holds an invalid \(kind) target for warrant \(liid)")
        }
        return Warrant(
            liid: liid,
            agency: try row.decode(String.self, forColumn: "agency"),
            target: target,
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
