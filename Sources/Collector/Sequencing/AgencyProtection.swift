import ETSI

/// How an agency's records are protected on their way: payload encryption and integrity checks (issue 15), with
/// the key material already read from its files. Carried by the plan, by agency name; an agency absent from
/// ``InterceptPlan/protection`` gets neither.
public struct AgencyProtection: Sendable {
    /// The AES-192 key every record's payload is encrypted with (ETSI-IP.nl profile), or nil for none.
    public var encryptionKey: PayloadEncryptionKey?
    /// The integrity checks sent in every stream, or nil for none.
    public var integrity: IntegritySettings?

    /// Protection with the given parts.
    public init(encryptionKey: PayloadEncryptionKey? = nil, integrity: IntegritySettings? = nil) {
        self.encryptionKey = encryptionKey
        self.integrity = integrity
    }
}

/// When hash and signature TRIs are sent in each stream (per LIID, CIN and handover), as OpenLI does.
public struct IntegritySettings: Sendable {
    /// The hash of records and of hash TRIs.
    public var hash: IntegrityHashAlgorithm
    /// A hash TRI after this many records (OpenLI: 1,000).
    public var recordsPerHash: Int
    /// ... or this long after the first record not yet hashed (OpenLI: 1 s).
    public var hashIntervalMicros: Int64
    /// A signature TRI after this many hash TRIs (OpenLI: 15).
    public var hashesPerSignature: Int
    /// ... or this long after the first hash TRI not yet signed (OpenLI: 300 s).
    public var signatureIntervalMicros: Int64
    /// The key that signs; nil sends hash TRIs only.
    public var signingKey: IntegritySigningKey?

    /// OpenLI's defaults.
    public static let defaultRecordsPerHash = 1000
    /// OpenLI's default hash interval: 1 s.
    public static let defaultHashIntervalSeconds = 1
    /// OpenLI's default: 15 hashes per signature.
    public static let defaultHashesPerSignature = 15
    /// OpenLI's default signature interval: 300 s.
    public static let defaultSignatureIntervalSeconds = 300

    /// Settings with the given values.
    public init(
        hash: IntegrityHashAlgorithm,
        recordsPerHash: Int = defaultRecordsPerHash,
        hashIntervalMicros: Int64 = Int64(defaultHashIntervalSeconds) * 1_000_000,
        hashesPerSignature: Int = defaultHashesPerSignature,
        signatureIntervalMicros: Int64 = Int64(defaultSignatureIntervalSeconds) * 1_000_000,
        signingKey: IntegritySigningKey?
    ) {
        self.hash = hash
        self.recordsPerHash = recordsPerHash
        self.hashIntervalMicros = hashIntervalMicros
        self.hashesPerSignature = hashesPerSignature
        self.signatureIntervalMicros = signatureIntervalMicros
        self.signingKey = signingKey
    }
}
