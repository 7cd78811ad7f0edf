import GRDB

extension WarrantStore {
    /// Adds an agency after validating it; its name must be new. Returns the agency as stored.
    @discardableResult
    public func addAgency(_ agency: Agency) throws(StoreError) -> Agency {
        let stored = try WarrantValidation.validated(agency)
        return try write { db in
            guard try Self.fetchAgency(db, named: stored.name) == nil else {
                throw StoreError(.conflict, field: "name", "agency \(StoreError.quoted(stored.name)) already exists")
            }
            try Self.insertAgency(db, stored)
            return (AuditChange(action: "agency.add", subject: stored.name, after: stored.auditJSON), stored)
        }
    }

    /// Every agency, by name.
    public func agencies() throws(StoreError) -> [Agency] {
        try read { db in try Self.fetchAgencies(db) }
    }

    /// The agency called `name`, or nil.
    public func agency(named name: String) throws(StoreError) -> Agency? {
        try read { db in try Self.fetchAgency(db, named: name) }
    }

    /// Removes an agency. Refused while a warrant that has not been ended delivers to it.
    public func removeAgency(named name: String) throws(StoreError) {
        try write { db in
            guard let agency = try Self.fetchAgency(db, named: name) else {
                throw StoreError(.notFound, field: "name", "agency \(StoreError.quoted(name)) does not exist")
            }
            let users = try String.fetchAll(
                db,
                sql: "SELECT liid FROM warrants WHERE agency = ? AND ended_micros IS NULL ORDER BY liid",
                arguments: [name]
            )
            guard users.isEmpty else {
                let list = users.map(StoreError.quoted).joined(separator: ", ")
                throw StoreError(
                    .conflict,
                    field: "name",
                    "agency \(StoreError.quoted(name)) is used by warrants that have not ended: \(list)"
                )
            }
            try db.execute(sql: "DELETE FROM agencies WHERE name = ?", arguments: [name])
            return (AuditChange(action: "agency.remove", subject: name, before: agency.auditJSON), ())
        }
    }

    static func fetchAgencies(_ db: Database) throws -> [Agency] {
        try Row.fetchAll(db, sql: "SELECT * FROM agencies ORDER BY name").map(agency(from:))
    }

    static func fetchAgency(_ db: Database, named name: String) throws -> Agency? {
        try Row.fetchOne(db, sql: "SELECT * FROM agencies WHERE name = ?", arguments: [name]).map(agency(from:))
    }

    /// Writes the agency's row, every column.
    static func insertAgency(_ db: Database, _ agency: Agency) throws {
        try db.execute(
            sql: """
                INSERT INTO agencies (name, hi2_host, hi2_port, hi3_host, hi3_port, keepalive_seconds,
                    keepalive_wait_seconds, country_code, plaintext, tls_ca_path, tls_cert_path, tls_key_path,
                    tls_server_name, tls12_allowed, timestamp_format, etsi_profile, retry_seconds, encryption_method,
                    encryption_key_path, encryption_key_fingerprint, integrity_hash, integrity_records_per_hash,
                    integrity_hash_interval_seconds, integrity_hashes_per_signature,
                    integrity_signature_interval_seconds, integrity_signing_key_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                agency.name, agency.hi2.host, Int(agency.hi2.port), agency.hi3.host, Int(agency.hi3.port),
                agency.keepaliveSeconds, agency.keepaliveWaitSeconds, agency.countryCode, agency.plaintext,
                agency.tls?.caPath, agency.tls?.certificatePath, agency.tls?.keyPath, agency.tls?.serverName,
                agency.tls?.allowTLS12 ?? false, agency.timestampFormat.rawValue, agency.etsiProfile.rawValue,
                agency.retrySeconds,
            ] + protectionArguments(agency)
        )
    }

    private static func agency(from row: Row) throws -> Agency {
        let name = try row.decode(String.self, forColumn: "name")
        let plaintext = try row.decode(Bool.self, forColumn: "plaintext")
        let tls = try self.tls(row, agency: name)
        guard
            plaintext != (tls != nil),
            let format = AgencyTimestampFormat(rawValue: try row.decode(String.self, forColumn: "timestamp_format")),
            let profile = AgencyETSIProfile(rawValue: try row.decode(String.self, forColumn: "etsi_profile"))
        else {
            throw StoreError(
                .io,
                "the warrant store holds an invalid transport, timestamp format or OID profile for agency \(name)"
            )
        }
        return Agency(
            name: name,
            hi2: try endpoint(row, "hi2", agency: name),
            hi3: try endpoint(row, "hi3", agency: name),
            keepaliveSeconds: try row.decode(Int.self, forColumn: "keepalive_seconds"),
            keepaliveWaitSeconds: try row.decode(Int.self, forColumn: "keepalive_wait_seconds"),
            countryCode: try row.decode(String?.self, forColumn: "country_code"),
            plaintext: plaintext,
            tls: tls,
            timestampFormat: format,
            etsiProfile: profile,
            retrySeconds: try row.decode(Int.self, forColumn: "retry_seconds"),
            encryption: try encryption(row, agency: name),
            integrity: try integrity(row, agency: name)
        )
    }

    /// The TLS columns: all three paths or none of them.
    private static func tls(_ row: Row, agency: String) throws -> AgencyTLS? {
        let paths = [
            try row.decode(String?.self, forColumn: "tls_ca_path"),
            try row.decode(String?.self, forColumn: "tls_cert_path"),
            try row.decode(String?.self, forColumn: "tls_key_path"),
        ]
        if paths.allSatisfy({ $0 == nil }) {
            return nil
        }
        guard let ca = paths[0], let certificate = paths[1], let key = paths[2] else {
            throw StoreError(.io, "the warrant store holds incomplete TLS files for agency \(agency)")
        }
        return AgencyTLS(
            caPath: ca,
            certificatePath: certificate,
            keyPath: key,
            serverName: try row.decode(String?.self, forColumn: "tls_server_name"),
            allowTLS12: try row.decode(Bool.self, forColumn: "tls12_allowed")
        )
    }

    private static func endpoint(_ row: Row, _ prefix: String, agency: String) throws -> Endpoint {
        let host = try row.decode(String.self, forColumn: "\(prefix)_host")
        guard let port = UInt16(exactly: try row.decode(Int.self, forColumn: "\(prefix)_port")), port > 0 else {
            throw StoreError(.io, "the warrant store holds an invalid \(prefix) port for agency \(agency)")
        }
        return Endpoint(host: host, port: port)
    }
}
