extension WarrantValidation {
    /// The range of records per hash.
    public static let recordsPerHashRange = 1...1_000_000
    /// The range of the hash interval in seconds.
    public static let hashIntervalRange = 1...3600
    /// The range of hashes per signature.
    public static let hashesPerSignatureRange = 1...10_000
    /// The range of the signature interval in seconds.
    public static let signatureIntervalRange = 1...86_400

    /// `aes-192-cbc`, the one encryption method.
    public static func encryptionMethod(
        _ text: String,
        field: String = "encryption_method"
    ) throws(StoreError) -> AgencyEncryptionMethod {
        guard let method = AgencyEncryptionMethod(rawValue: text) else {
            let names = AgencyEncryptionMethod.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(field, text, "is not one of \(names)")
        }
        return method
    }

    /// `sha256`, `sha384` or `sha512`.
    public static func integrityHash(
        _ text: String,
        field: String = "integrity_hash"
    ) throws(StoreError)
        -> AgencyIntegrityHash
    {
        guard let hash = AgencyIntegrityHash(rawValue: text) else {
            throw .invalid(field, text, "is not one of sha256, sha384, sha512")
        }
        return hash
    }

    /// A whole number in `range`, from decimal text.
    public static func count(_ text: String, field: String, range: ClosedRange<Int>) throws(StoreError) -> Int {
        guard let value = decimal(text), range.contains(value) else {
            throw .invalid(field, text, "is not a whole number in \(range.lowerBound)-\(range.upperBound)")
        }
        return value
    }

    /// Checks payload encryption settings: a canonical absolute key path and a `sha256:` fingerprint of 64
    /// lower-case hexadecimal digits.
    static func encryption(_ encryption: AgencyEncryption) throws(StoreError) -> AgencyEncryption {
        let digits = encryption.keyFingerprint.utf8.dropFirst("sha256:".utf8.count)
        let hex = digits.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        guard encryption.keyFingerprint.hasPrefix("sha256:"), digits.count == 64, hex else {
            throw .invalid(
                "encryption_key_fingerprint",
                encryption.keyFingerprint,
                "is not sha256: and 64 hexadecimal digits"
            )
        }
        var result = encryption
        result.keyPath = try filePath(encryption.keyPath, field: "encryption_key_path")
        return result
    }

    /// Checks integrity settings: every count and interval in its range, and a canonical absolute signing key path.
    static func integrity(_ integrity: AgencyIntegrity) throws(StoreError) -> AgencyIntegrity {
        let checks: [(Int, ClosedRange<Int>, String, String)] = [
            (integrity.recordsPerHash, recordsPerHashRange, "integrity_records_per_hash", "whole number"),
            (integrity.hashIntervalSeconds, hashIntervalRange, "integrity_hash_interval_seconds", "number of seconds"),
            (integrity.hashesPerSignature, hashesPerSignatureRange, "integrity_hashes_per_signature", "whole number"),
            (
                integrity.signatureIntervalSeconds, signatureIntervalRange, "integrity_signature_interval_seconds",
                "number of seconds"
            ),
        ]
        for (value, range, field, unit) in checks where !range.contains(value) {
            throw .invalid(field, String(value), "is not a \(unit) in \(range.lowerBound)-\(range.upperBound)")
        }
        var result = integrity
        result.signingKeyPath = try integrity.signingKeyPath.map { path throws(StoreError) in
            try filePath(path, field: "integrity_signing_key_path")
        }
        return result
    }
}
