import GRDB

/// An agency's encryption and integrity columns (schema v9): all NULL for none, else each part complete.
extension WarrantStore {
    /// The values of the nine protection columns, in the order ``insertAgency(_:_:)`` lists them.
    static func protectionArguments(_ agency: Agency) -> StatementArguments {
        let encryption = agency.encryption
        let integrity = agency.integrity
        return [
            encryption?.method.rawValue, encryption?.keyPath, encryption?.keyFingerprint, integrity?.hash.rawValue,
            integrity?.recordsPerHash, integrity?.hashIntervalSeconds, integrity?.hashesPerSignature,
            integrity?.signatureIntervalSeconds, integrity?.signingKeyPath,
        ]
    }

    /// The encryption columns: the method, key path and fingerprint, or none of them.
    static func encryption(_ row: Row, agency: String) throws -> AgencyEncryption? {
        let method = try row.decode(String?.self, forColumn: "encryption_method")
        let path = try row.decode(String?.self, forColumn: "encryption_key_path")
        let fingerprint = try row.decode(String?.self, forColumn: "encryption_key_fingerprint")
        if method == nil, path == nil, fingerprint == nil {
            return nil
        }
        guard let method = method.flatMap(AgencyEncryptionMethod.init(rawValue:)), let path, let fingerprint else {
            throw StoreError(
                .io,
                "the warrant store holds incomplete or unknown encryption settings for agency \(agency)"
            )
        }
        return AgencyEncryption(method: method, keyPath: path, keyFingerprint: fingerprint)
    }

    /// The integrity columns: the hash and its four counts and intervals (and perhaps a signing key), or none.
    static func integrity(_ row: Row, agency: String) throws -> AgencyIntegrity? {
        let hash = try row.decode(String?.self, forColumn: "integrity_hash")
        let numbers = [
            try row.decode(Int?.self, forColumn: "integrity_records_per_hash"),
            try row.decode(Int?.self, forColumn: "integrity_hash_interval_seconds"),
            try row.decode(Int?.self, forColumn: "integrity_hashes_per_signature"),
            try row.decode(Int?.self, forColumn: "integrity_signature_interval_seconds"),
        ]
        let signingKey = try row.decode(String?.self, forColumn: "integrity_signing_key_path")
        if hash == nil, numbers.allSatisfy({ $0 == nil }), signingKey == nil {
            return nil
        }
        guard let hash = hash.flatMap(AgencyIntegrityHash.init(rawValue:)), let records = numbers[0],
            let hashSeconds = numbers[1], let hashes = numbers[2], let signatureSeconds = numbers[3]
        else {
            throw StoreError(
                .io,
                "the warrant store holds incomplete or unknown integrity settings for agency \(agency)"
            )
        }
        return AgencyIntegrity(
            hash: hash,
            recordsPerHash: records,
            hashIntervalSeconds: hashSeconds,
            hashesPerSignature: hashes,
            signatureIntervalSeconds: signatureSeconds,
            signingKeyPath: signingKey
        )
    }
}
