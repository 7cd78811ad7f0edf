/// When an agency's streams carry integrity checks (TS 102 232-1 hash and signature TRIs, issue 15), with OpenLI's
/// defaults: a hash after 1,000 records or 1 s, a signature after 15 hashes or 300 s. The signing key is kept as a
/// file path: the key is read when a run starts, never stored or logged; without one, only hashes are sent.
public struct AgencyIntegrity: Sendable, Equatable {
    /// The hash function.
    public var hash: AgencyIntegrityHash
    /// A hash after this many records, 1-1,000,000.
    public var recordsPerHash: Int
    /// ... or this many seconds after the first record not yet hashed, 1-3600.
    public var hashIntervalSeconds: Int
    /// A signature after this many hashes, 1-10,000.
    public var hashesPerSignature: Int
    /// ... or this many seconds after the first hash not yet signed, 1-86400.
    public var signatureIntervalSeconds: Int
    /// The PEM file of the private key that signs (ECDSA P-256 or P-384, or Ed25519), by absolute path; nil sends
    /// hashes only.
    public var signingKeyPath: String?

    /// OpenLI's default: a hash after 1,000 records.
    public static let defaultRecordsPerHash = 1000
    /// OpenLI's default: a hash after 1 s.
    public static let defaultHashIntervalSeconds = 1
    /// OpenLI's default: a signature after 15 hashes.
    public static let defaultHashesPerSignature = 15
    /// OpenLI's default: a signature after 300 s.
    public static let defaultSignatureIntervalSeconds = 300

    /// Creates integrity settings, OpenLI's defaults unless given.
    public init(
        hash: AgencyIntegrityHash,
        recordsPerHash: Int = defaultRecordsPerHash,
        hashIntervalSeconds: Int = defaultHashIntervalSeconds,
        hashesPerSignature: Int = defaultHashesPerSignature,
        signatureIntervalSeconds: Int = defaultSignatureIntervalSeconds,
        signingKeyPath: String? = nil
    ) {
        self.hash = hash
        self.recordsPerHash = recordsPerHash
        self.hashIntervalSeconds = hashIntervalSeconds
        self.hashesPerSignature = hashesPerSignature
        self.signatureIntervalSeconds = signatureIntervalSeconds
        self.signingKeyPath = signingKeyPath
    }
}

/// The hash functions of integrity checks (the `ETSI` target maps the raw value to its algorithm).
public enum AgencyIntegrityHash: String, Sendable, CaseIterable {
    /// SHA-256.
    case sha256
    /// SHA-384.
    case sha384
    /// SHA-512.
    case sha512
}
