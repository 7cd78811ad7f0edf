import GRDB

extension WarrantStore {
    /// Adds a UDP sink (``UDPSink``). Its address and source address must be IP addresses (stored canonical), its
    /// port 1-65535; a source port needs a source address. A sink on an address and port that another sink has is
    /// refused. Returns the sink as stored.
    @discardableResult
    public func addSink(_ sink: UDPSink) throws(StoreError) -> UDPSink {
        let stored = try WarrantValidation.validated(sink)
        return try write { db in
            guard try Self.fetchSink(db, stored.endpoint) == nil else {
                throw StoreError(.conflict, field: "ADDRESS:PORT", "sink \(stored.endpoint) already exists")
            }
            try db.execute(
                sql: """
                    INSERT INTO sinks (address, port, encapsulation, direction, source_address, source_port)
                        VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    stored.address, Int(stored.port), stored.encapsulation.rawValue, stored.direction.rawValue,
                    stored.sourceAddress, stored.sourcePort.map { Int($0) },
                ]
            )
            let audit = AuditChange(action: "sink.add", subject: stored.endpoint.description, after: stored.auditJSON)
            return (audit, stored)
        }
    }

    /// Every UDP sink, by address and port.
    public func sinks() throws(StoreError) -> [UDPSink] {
        try read { db in try Self.fetchSinks(db) }
    }

    /// Removes the sink on `address` and `port`, and returns it. Refused when there is none, and while a warrant that
    /// has not been ended names it as its ``IPTarget/sink`` (the message names their LIIDs).
    @discardableResult
    public func removeSink(address: String, port: UInt16) throws(StoreError) -> UDPSink {
        guard let canonical = IPAddressText(address)?.text else {
            throw .invalid("ADDRESS:PORT", address, "is not an IP address")
        }
        let endpoint = Endpoint(host: canonical, port: port)
        return try write { db in
            guard let sink = try Self.fetchSink(db, endpoint) else {
                throw StoreError(.notFound, field: "ADDRESS:PORT", "sink \(endpoint) does not exist")
            }
            let users = try Self.fetchWarrants(db, includeEnded: false).filter { $0.target.ip?.sink == endpoint }
            guard users.isEmpty else {
                let liids = users.map { StoreError.quoted($0.liid) }.joined(separator: ", ")
                let (warrants, them) = users.count == 1 ? ("warrant", "it") : ("warrants", "them")
                throw StoreError(
                    .conflict,
                    field: "ADDRESS:PORT",
                    parts: [
                        .text("sink \(endpoint) is the "), .field("sink"),
                        .text(" of \(warrants) \(liids); modify or end \(them) first"),
                    ]
                )
            }
            try db.execute(
                sql: "DELETE FROM sinks WHERE address = ? AND port = ?",
                arguments: [sink.address, Int(sink.port)]
            )
            return (AuditChange(action: "sink.remove", subject: endpoint.description, before: sink.auditJSON), sink)
        }
    }

    /// Refuses a target whose ``IPTarget/sink`` is not a configured sink of encapsulation raw (checked in the
    /// transaction that stores the warrant).
    static func requireRawSink(_ db: Database, _ target: WarrantTarget) throws {
        guard let endpoint = target.ip?.sink else {
            return
        }
        guard let sink = try fetchSink(db, endpoint) else {
            throw StoreError(
                .notFound,
                field: "sink",
                parts: [.field("sink"), .text(" \(StoreError.quoted(endpoint.description)) is not a configured sink")]
            )
        }
        guard sink.encapsulation == .raw else {
            throw StoreError(
                .invalid,
                field: "sink",
                parts: [
                    .field("sink"),
                    .text(
                        " \(StoreError.quoted(endpoint.description)) is not a raw sink (its encapsulation is"
                            + " \(sink.encapsulation.rawValue); the warrant's "
                    ),
                    .field("mirror_id"), .text(" matches vendor streams)"),
                ]
            )
        }
    }

    static func fetchSinks(_ db: Database) throws -> [UDPSink] {
        try Row.fetchAll(db, sql: "SELECT * FROM sinks ORDER BY address, port").map(sink(from:))
    }

    private static func fetchSink(_ db: Database, _ endpoint: Endpoint) throws -> UDPSink? {
        try Row.fetchOne(
            db,
            sql: "SELECT * FROM sinks WHERE address = ? AND port = ?",
            arguments: [endpoint.host, Int(endpoint.port)]
        ).map(sink(from:))
    }

    private static func sink(from row: Row) throws -> UDPSink {
        let address = try row.decode(String.self, forColumn: "address")
        guard let port = UInt16(exactly: try row.decode(Int.self, forColumn: "port")),
            let encapsulation = SinkEncapsulation(rawValue: try row.decode(String.self, forColumn: "encapsulation")),
            let direction = SinkDirection(rawValue: try row.decode(String.self, forColumn: "direction"))
        else {
            throw StoreError(.io, "the warrant store holds an invalid sink row (address \(address))")
        }
        let sourcePortValue = try row.decode(Int?.self, forColumn: "source_port")
        let sourcePort = sourcePortValue.flatMap { UInt16(exactly: $0) }
        guard (sourcePort == nil) == (sourcePortValue == nil) else {
            throw StoreError(.io, "the warrant store holds an invalid sink row (address \(address))")
        }
        return UDPSink(
            address: address,
            port: port,
            encapsulation: encapsulation,
            direction: direction,
            sourceAddress: try row.decode(String?.self, forColumn: "source_address"),
            sourcePort: sourcePort
        )
    }
}
