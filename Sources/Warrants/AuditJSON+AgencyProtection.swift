/// An agency's encryption and integrity settings in the audit log: paths, the key's fingerprint and the numbers,
/// never key material.
extension Agency {
    /// `encryption` and `integrity`, each only when set.
    var protectionAuditMembers: [(String, AuditJSON)] {
        var members: [(String, AuditJSON)] = []
        if let encryption {
            members.append(
                (
                    "encryption",
                    .object([
                        ("method", .string(encryption.method.rawValue)),
                        ("key_file", .string(encryption.keyPath)),
                        ("key_fingerprint", .string(encryption.keyFingerprint)),
                    ])
                )
            )
        }
        if let integrity {
            members.append(
                (
                    "integrity",
                    .object([
                        ("hash", .string(integrity.hash.rawValue)),
                        ("records_per_hash", .integer(Int64(integrity.recordsPerHash))),
                        ("hash_interval", .integer(Int64(integrity.hashIntervalSeconds))),
                        ("hashes_per_signature", .integer(Int64(integrity.hashesPerSignature))),
                        ("signature_interval", .integer(Int64(integrity.signatureIntervalSeconds))),
                        ("signing_key_file", .optional(integrity.signingKeyPath)),
                    ])
                )
            )
        }
        return members
    }
}

extension AgencyEncryption {
    /// The settings an agency's `encryption` member holds; nil for null.
    init?(auditMember json: AuditJSON, _ context: String) throws(StoreError) {
        if json == .null {
            return nil
        }
        let reader = try AuditRecordReader(json, context: context + " encryption")
        self.init(
            method: try reader.parsed("method", AgencyEncryptionMethod.init(rawValue:)),
            keyPath: try reader.string("key_file"),
            keyFingerprint: try reader.string("key_fingerprint")
        )
    }
}

extension AgencyIntegrity {
    /// The settings an agency's `integrity` member holds; nil for null.
    init?(auditMember json: AuditJSON, _ context: String) throws(StoreError) {
        if json == .null {
            return nil
        }
        let reader = try AuditRecordReader(json, context: context + " integrity")
        self.init(
            hash: try reader.parsed("hash", AgencyIntegrityHash.init(rawValue:)),
            recordsPerHash: try reader.integer("records_per_hash", as: Int.self),
            hashIntervalSeconds: try reader.integer("hash_interval", as: Int.self),
            hashesPerSignature: try reader.integer("hashes_per_signature", as: Int.self),
            signatureIntervalSeconds: try reader.integer("signature_interval", as: Int.self),
            signingKeyPath: try reader.optionalString("signing_key_file")
        )
    }
}
