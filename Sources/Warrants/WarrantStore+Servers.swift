import GRDB

extension WarrantStore {
    /// Adds servers in one change. Addresses must be IP addresses (stored canonical) and ports 1-65535; a server
    /// already known is refused, and nothing is added then. Returns the servers as stored.
    @discardableResult
    public func addServers(_ servers: [KnownServer]) throws(StoreError) -> [KnownServer] {
        var stored: [KnownServer] = []
        for server in servers {
            guard let address = IPAddressText(server.address), server.port > 0 else {
                throw .invalid("ADDRESS", server.address, "is not an IP address with a port in 1-65535")
            }
            let canonical = KnownServer(kind: server.kind, address: address.text, port: server.port)
            if !stored.contains(canonical) {
                stored.append(canonical)
            }
        }
        guard let first = stored.first else {
            throw StoreError(.invalid, field: "ADDRESS", "no server address given")
        }
        return try write { db in
            for server in stored {
                let known = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM servers WHERE kind = ? AND address = ? AND port = ?)",
                    arguments: [server.kind.rawValue, server.address, Int(server.port)]
                )
                guard known != true else {
                    throw StoreError(.conflict, field: "ADDRESS", "server \(server) is already known")
                }
                try db.execute(
                    sql: "INSERT INTO servers (kind, address, port) VALUES (?, ?, ?)",
                    arguments: [server.kind.rawValue, server.address, Int(server.port)]
                )
            }
            let subject = Self.subject(first.kind, stored)
            let audit = AuditChange(action: "server.add", subject: subject, after: .array(stored.map(\.auditJSON)))
            return (audit, stored)
        }
    }

    /// Every known server, by kind, address and port.
    public func servers() throws(StoreError) -> [KnownServer] {
        try read { db in try Self.fetchServers(db) }
    }

    /// Removes the servers of `kind` at `address` on `port`, or on every port when `port` is nil. Returns what
    /// was removed; removing nothing is refused.
    @discardableResult
    public func removeServers(kind: ServerKind, address: String, port: UInt16?) throws(StoreError) -> [KnownServer] {
        guard let canonical = IPAddressText(address)?.text else {
            throw .invalid("ADDRESS", address, "is not an IP address")
        }
        return try write { db in
            let removed = try Self.fetchServers(db).filter { server in
                server.kind == kind && server.address == canonical && (port == nil || server.port == port)
            }
            guard !removed.isEmpty else {
                let what =
                    port.map { "\(kind.rawValue) \(Endpoint(host: canonical, port: $0))" }
                    ?? "\(kind.rawValue) \(canonical)"
                throw StoreError(.notFound, field: "ADDRESS", "server \(what) is not known")
            }
            for server in removed {
                try db.execute(
                    sql: "DELETE FROM servers WHERE kind = ? AND address = ? AND port = ?",
                    arguments: [server.kind.rawValue, server.address, Int(server.port)]
                )
            }
            let audit = AuditChange(
                action: "server.remove",
                subject: Self.subject(kind, removed),
                before: .array(removed.map(\.auditJSON))
            )
            return (audit, removed)
        }
    }

    static func fetchServers(_ db: Database) throws -> [KnownServer] {
        try Row.fetchAll(db, sql: "SELECT kind, address, port FROM servers ORDER BY kind, address, port").map { row in
            let kindText = try row.decode(String.self, forColumn: "kind")
            guard let kind = ServerKind(rawValue: kindText),
                let port = UInt16(exactly: try row.decode(Int.self, forColumn: "port"))
            else {
                throw StoreError(.io, "the warrant store holds an invalid server row (kind \(kindText))")
            }
            return KnownServer(kind: kind, address: try row.decode(String.self, forColumn: "address"), port: port)
        }
    }

    private static func subject(_ kind: ServerKind, _ servers: [KnownServer]) -> String {
        kind.rawValue + " "
            + servers.map { Endpoint(host: $0.address, port: $0.port).description }.joined(separator: " ")
    }
}
