/// Records decoded back from the audit log's JSON (the inverse of `AuditJSON+Records`), for the replay.
///
/// Keys written only by later schema versions read as the defaults their migrations gave the columns: a v1 agency
/// has no `tls` (plaintext), `timestamp` (microseconds), `etsi_profile` (current) or `retry` (10 s), an agency before
/// v9 (or without them) no `encryption` or `integrity` (none); a v1 IP warrant
/// has no `modified` (never modified) and an IP warrant no `kind`.
extension Agency {
    init(auditJSON json: AuditJSON, context: String) throws(StoreError) {
        let reader = try AuditRecordReader(json, context: context)
        let tls: AgencyTLS?
        switch try reader.value("tls", missing: .null) {
        case .null: tls = nil
        case let value: tls = try AgencyTLS(auditJSON: value, context: context + " tls")
        }
        self.init(
            name: try reader.string("name"),
            hi2: try reader.parsed("hi2", Endpoint.init(parsing:)),
            hi3: try reader.parsed("hi3", Endpoint.init(parsing:)),
            keepaliveSeconds: try reader.integer("keepalive", as: Int.self),
            keepaliveWaitSeconds: try reader.integer("keepalive_wait", as: Int.self),
            countryCode: try reader.optionalString("country"),
            plaintext: try reader.boolean("plaintext"),
            tls: tls,
            timestampFormat: try reader.parsed(
                "timestamp",
                missing: AgencyTimestampFormat.microseconds.rawValue,
                AgencyTimestampFormat.init(rawValue:)
            ),
            etsiProfile: try reader.parsed(
                "etsi_profile",
                missing: AgencyETSIProfile.current.rawValue,
                AgencyETSIProfile.init(rawValue:)
            ),
            retrySeconds: try reader.integer("retry", as: Int.self, missing: Agency.defaultRetrySeconds),
            encryption: try AgencyEncryption(auditMember: try reader.value("encryption", missing: .null), context),
            integrity: try AgencyIntegrity(auditMember: try reader.value("integrity", missing: .null), context)
        )
    }
}

extension AgencyTLS {
    init(auditJSON json: AuditJSON, context: String) throws(StoreError) {
        let reader = try AuditRecordReader(json, context: context)
        self.init(
            caPath: try reader.string("ca"),
            certificatePath: try reader.string("cert"),
            keyPath: try reader.string("key"),
            serverName: try reader.optionalString("server_name"),
            allowTLS12: try reader.boolean("tls12")
        )
    }
}

extension Warrant {
    /// A warrant of the kind its `kind` member names (`ip` when there is none, as IP warrants are written).
    init(auditJSON json: AuditJSON, context: String) throws(StoreError) {
        let reader = try AuditRecordReader(json, context: context)
        self.init(
            liid: try reader.string("liid"),
            agency: try reader.string("agency"),
            target: try WarrantTarget(kind: try reader.string("kind", missing: "ip"), audit: reader),
            authorizationCountryCode: try reader.string("auth_cc"),
            deliveryCountryCode: try reader.string("delivery_cc"),
            startMicros: try reader.optionalTime("start"),
            endMicros: try reader.optionalTime("end"),
            delivery: try reader.parsed("deliver", Delivery.init(rawValue:)),
            endedMicros: try reader.optionalTime("ended"),
            createdMicros: try reader.time("created"),
            modifiedMicros: try reader.optionalTime("modified", missingIsNull: true)
        )
    }
}

extension KnownServer {
    init(auditJSON json: AuditJSON, context: String) throws(StoreError) {
        let reader = try AuditRecordReader(json, context: context)
        self.init(
            kind: try reader.parsed("kind", ServerKind.init(rawValue:)),
            address: try reader.string("address"),
            port: try reader.integer("port", as: UInt16.self)
        )
    }
}

extension UDPSink {
    init(auditJSON json: AuditJSON, context: String) throws(StoreError) {
        let reader = try AuditRecordReader(json, context: context)
        self.init(
            address: try reader.string("address"),
            port: try reader.integer("port", as: UInt16.self),
            encapsulation: try reader.parsed("encapsulation", SinkEncapsulation.init(rawValue:)),
            direction: try reader.parsed("direction", SinkDirection.init(rawValue:)),
            sourceAddress: try reader.optionalString("source_address"),
            sourcePort: try reader.optionalInteger("source_port", as: UInt16.self)
        )
    }
}
