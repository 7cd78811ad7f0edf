extension AuditReplay {
    /// The first difference between the replayed records and the records in the tables, as one line naming the
    /// table, the record and the field (the key of the record's audit JSON); nil when they agree.
    func firstDifference(
        agencies storedAgencies: [Agency],
        warrants storedWarrants: [Warrant],
        servers storedServers: [KnownServer],
        sinks storedSinks: [UDPSink]
    ) -> String? {
        if let difference = Self.difference("agencies", storedAgencies, agencies, key: \.name, json: \.auditJSON) {
            return difference
        }
        if let difference = Self.difference("warrants", storedWarrants, warrants, key: \.liid, json: \.auditJSON) {
            return difference
        }
        if let extra = storedServers.first(where: { !servers.contains($0) }) {
            return "servers \(extra): in the table but not in the audit log"
        }
        if let missing = servers.first(where: { !storedServers.contains($0) }) {
            return "servers \(missing): in the audit log but not in the table"
        }
        return Self.difference("sinks", storedSinks, sinks, key: \.endpoint.description, json: \.auditJSON)
    }

    private static func difference<Record>(
        _ table: String,
        _ stored: [Record],
        _ replayed: [String: Record],
        key: (Record) -> String,
        json: (Record) -> AuditJSON
    ) -> String? {
        for record in stored {
            let name = key(record)
            let label = "\(table) \(StoreError.quoted(name))"
            guard let expected = replayed[name] else {
                return "\(label): in the table but not in the audit log"
            }
            if let field = firstDifferentField(json(record), json(expected)) {
                return "\(label): field \(field) differs from the audit log"
            }
        }
        let storedKeys = Set(stored.map(key))
        if let missing = replayed.keys.sorted().first(where: { !storedKeys.contains($0) }) {
            return "\(table) \(StoreError.quoted(missing)): in the audit log but not in the table"
        }
        return nil
    }

    /// The first member whose value differs between two records' JSON objects; nil when they are equal.
    private static func firstDifferentField(_ stored: AuditJSON, _ replayed: AuditJSON) -> String? {
        guard stored != replayed else {
            return nil
        }
        guard case .object(let storedMembers) = stored, case .object(let replayedMembers) = replayed else {
            return "(record)"
        }
        for (key, value) in storedMembers where replayedMembers.first(where: { $0.0 == key })?.1 != value {
            return key
        }
        for (key, _) in replayedMembers where !storedMembers.contains(where: { $0.0 == key }) {
            return key
        }
        return "(record)"
    }
}
