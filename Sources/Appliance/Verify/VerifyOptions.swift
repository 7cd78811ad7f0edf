/// What `openli-appliance verify` was asked to do.
public struct VerifyOptions: Sendable, Equatable {
    /// The files of records, as `lemf --out-der` writes them, read in this order.
    public var files: [String]
    /// `--key FILE`: the PEM public key integrity signatures are verified with.
    public var keyPath: String
    /// `--decryption-key-file FILE`: the agency's AES-192 key, for encrypted records.
    public var decryptionKeyPath: String?

    /// Options reading `files` with the key in `keyPath`.
    public init(files: [String], keyPath: String, decryptionKeyPath: String? = nil) {
        self.files = files
        self.keyPath = keyPath
        self.decryptionKeyPath = decryptionKeyPath
    }
}
