/// How an agency's record payloads are encrypted (issue 15): the method and the key file, by absolute path, with the
/// key's fingerprint. The store keeps the path and the fingerprint, never the key; a run reads the file when it
/// starts and refuses a key whose fingerprint is not the stored one.
public struct AgencyEncryption: Sendable, Equatable {
    /// The encryption method.
    public var method: AgencyEncryptionMethod
    /// The key file: 24 octets, raw or as 48 hexadecimal digits.
    public var keyPath: String
    /// `sha256:` and the 64 lower-case hexadecimal digits of the SHA-256 of the key octets.
    public var keyFingerprint: String

    /// Creates encryption settings.
    public init(method: AgencyEncryptionMethod = .aes192CBC, keyPath: String, keyFingerprint: String) {
        self.method = method
        self.keyPath = keyPath
        self.keyFingerprint = keyFingerprint
    }
}

/// The payload encryption methods an agency can ask for.
public enum AgencyEncryptionMethod: String, Sendable, CaseIterable {
    /// AES-192 in CBC mode, the ETSI-IP.nl profile of TS 102 232-1's EncryptionContainer (what OpenLI offers).
    case aes192CBC = "aes-192-cbc"
}
