/// The operator's payload encryption and integrity options of `agency add` and `agency modify`, as typed (the
/// `--no-...` flags are `agency modify`'s only).
public struct AgencyProtectionOptions: Sendable {
    /// `--encryption aes-192-cbc`.
    public var encryption: String?
    /// `--encryption-key-file FILE`: 24 octets, raw or as 48 hexadecimal digits; implies `--encryption aes-192-cbc`.
    public var encryptionKeyFile: String?
    /// `--no-encryption`.
    public var noEncryption: Bool
    /// `--integrity sha256|sha384|sha512`.
    public var integrity: String?
    /// `--integrity-every N`: records per hash.
    public var integrityEvery: String?
    /// `--integrity-interval SECONDS`.
    public var integrityInterval: String?
    /// `--sign-every N`: hashes per signature.
    public var signEvery: String?
    /// `--sign-interval SECONDS`.
    public var signInterval: String?
    /// `--signing-key FILE`: an ECDSA P-256 or P-384 or an Ed25519 private key (PEM).
    public var signingKey: String?
    /// `--no-integrity`.
    public var noIntegrity: Bool
    /// `--no-signing-key`: hashes only from now on.
    public var noSigningKey: Bool

    /// Options as typed; none by default.
    public init(
        encryption: String? = nil,
        encryptionKeyFile: String? = nil,
        noEncryption: Bool = false,
        integrity: String? = nil,
        integrityEvery: String? = nil,
        integrityInterval: String? = nil,
        signEvery: String? = nil,
        signInterval: String? = nil,
        signingKey: String? = nil,
        noIntegrity: Bool = false,
        noSigningKey: Bool = false
    ) {
        self.encryption = encryption
        self.encryptionKeyFile = encryptionKeyFile
        self.noEncryption = noEncryption
        self.integrity = integrity
        self.integrityEvery = integrityEvery
        self.integrityInterval = integrityInterval
        self.signEvery = signEvery
        self.signInterval = signInterval
        self.signingKey = signingKey
        self.noIntegrity = noIntegrity
        self.noSigningKey = noSigningKey
    }

    /// Whether any option is given.
    var isEmpty: Bool {
        encryption == nil && encryptionKeyFile == nil && !noEncryption && integrity == nil && !noIntegrity
            && integrityOptions.isEmpty
    }

    /// The integrity options besides `--integrity` and `--no-integrity` that are given, by name.
    var integrityOptions: [String] {
        [
            ("--integrity-every", integrityEvery != nil), ("--integrity-interval", integrityInterval != nil),
            ("--sign-every", signEvery != nil), ("--sign-interval", signInterval != nil),
            ("--signing-key", signingKey != nil), ("--no-signing-key", noSigningKey),
        ].filter(\.1).map(\.0)
    }
}
