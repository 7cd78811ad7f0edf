/// The store's records rebuilt from the audit log alone: each row's `after` (or, for a removal, `before`) JSON
/// applied in order to an empty store.
///
/// `audit verify` compares the result with the tables, so that a record edited outside the store (an sqlite3
/// `UPDATE`) shows up even though the chain of audit rows is intact; the change feed
/// (``WarrantStore/snapshotsSince(auditID:)``) takes the state after each row from it.
struct AuditReplay {
    /// Agencies by name.
    private(set) var agencies: [String: Agency] = [:]
    /// Warrants of every kind by LIID, ended ones included.
    private(set) var warrants: [String: Warrant] = [:]
    /// Known servers.
    private(set) var servers: Set<KnownServer> = []
    /// UDP sinks by their `address:port` (``Endpoint/description``).
    private(set) var sinks: [String: UDPSink] = [:]

    /// Applies one audit row (a spool's adoption changes no record). Throws when the row's JSON cannot be read, its
    /// action is unknown, or it contradicts the state so far (adds what exists, removes what does not).
    mutating func apply(_ entry: AuditEntry) throws(StoreError) {
        let context = "audit row \(entry.id) (\(entry.action))"
        switch entry.action {
        case "agency.add":
            let agency = try Agency(auditJSON: try Self.json(entry.after, context, "after"), context: context)
            guard agencies.updateValue(agency, forKey: agency.name) == nil else {
                throw StoreError(.io, "\(context) adds agency \(StoreError.quoted(agency.name)), which exists")
            }
        case "agency.modify":
            let agency = try Agency(auditJSON: try Self.json(entry.after, context, "after"), context: context)
            guard agencies.updateValue(agency, forKey: agency.name) != nil else {
                throw StoreError(.io, "\(context) changes agency \(StoreError.quoted(agency.name)), which is not there")
            }
        case "agency.remove":
            let agency = try Agency(auditJSON: try Self.json(entry.before, context, "before"), context: context)
            guard agencies.removeValue(forKey: agency.name) != nil else {
                throw StoreError(.io, "\(context) removes agency \(StoreError.quoted(agency.name)), which is not there")
            }
        case "warrant.add", "warrant.modify", "warrant.end":
            let json = try Self.json(entry.after, context, "after")
            try applyWarrant(json, adding: entry.action == "warrant.add", context: context)
        case "server.add":
            for server in try Self.servers(try Self.json(entry.after, context, "after"), context) {
                guard servers.insert(server).inserted else {
                    throw StoreError(.io, "\(context) adds server \(server), which exists")
                }
            }
        case WarrantStore.spoolAdoptedAction:
            break
        case "server.remove":
            for server in try Self.servers(try Self.json(entry.before, context, "before"), context) {
                guard servers.remove(server) != nil else {
                    throw StoreError(.io, "\(context) removes server \(server), which is not there")
                }
            }
        case "sink.add":
            let sink = try UDPSink(auditJSON: try Self.json(entry.after, context, "after"), context: context)
            guard sinks.updateValue(sink, forKey: sink.endpoint.description) == nil else {
                throw StoreError(.io, "\(context) adds sink \(sink.endpoint), which exists")
            }
        case "sink.remove":
            let sink = try UDPSink(auditJSON: try Self.json(entry.before, context, "before"), context: context)
            guard sinks.removeValue(forKey: sink.endpoint.description) != nil else {
                throw StoreError(.io, "\(context) removes sink \(sink.endpoint), which is not there")
            }
        default:
            throw StoreError(.io, "\(context) has an unknown action")
        }
    }

    /// A warrant's state after an add, modify or end. An add must name a new LIID, a modify or end an existing one.
    private mutating func applyWarrant(_ json: AuditJSON, adding: Bool, context: String) throws(StoreError) {
        let warrant = try Warrant(auditJSON: json, context: context)
        let exists = warrants[warrant.liid] != nil
        guard exists != adding else {
            let problem = exists ? "adds a warrant whose LIID exists" : "changes a warrant that is not there"
            throw StoreError(.io, "\(context) \(problem) (\(StoreError.quoted(warrant.liid)))")
        }
        warrants[warrant.liid] = warrant
    }

    /// The state as ``WarrantStore/snapshot()`` reads it: warrants that have not been ended, and records in the
    /// tables' order (sqlite's byte order of names, LIIDs, server kind, address and port, and sink address and port).
    func snapshot(changeID: Int64, auditID: Int64) -> StoreSnapshot {
        StoreSnapshot(
            changeID: changeID,
            auditID: auditID,
            agencies: agencies.values.sorted { Self.precedes($0.name, $1.name) },
            warrants: warrants.values.filter { $0.endedMicros == nil }.sorted { Self.precedes($0.liid, $1.liid) },
            servers: servers.sorted { left, right in
                if left.kind != right.kind {
                    return Self.precedes(left.kind.rawValue, right.kind.rawValue)
                }
                if left.address != right.address {
                    return Self.precedes(left.address, right.address)
                }
                return left.port < right.port
            },
            sinks: sinks.values.sorted { left, right in
                left.address != right.address ? Self.precedes(left.address, right.address) : left.port < right.port
            }
        )
    }

    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func json(_ text: String?, _ context: String, _ column: String) throws(StoreError) -> AuditJSON {
        guard let text, let json = AuditJSON(parsing: text) else {
            throw StoreError(.io, "\(context) has no readable \(column) JSON")
        }
        return json
    }

    private static func servers(_ json: AuditJSON, _ context: String) throws(StoreError) -> [KnownServer] {
        guard case .array(let values) = json else {
            throw StoreError(.io, "\(context) does not list servers")
        }
        var servers: [KnownServer] = []
        for value in values {
            servers.append(try KnownServer(auditJSON: value, context: context))
        }
        return servers
    }
}
