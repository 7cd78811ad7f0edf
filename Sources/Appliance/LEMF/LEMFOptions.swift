/// What `openli-appliance lemf` was asked to do.
public struct LEMFOptions: Sendable, Equatable {
    /// `--listen HOST:PORT`.
    public var listen: String
    /// `--ca FILE`: the CA of the client certificates.
    public var caPath: String?
    /// `--cert FILE`: the LEMF's certificate.
    public var certificatePath: String?
    /// `--key FILE`: the LEMF's private key.
    public var keyPath: String?
    /// `--out FILE`: the JSON lines file; nil for standard output.
    public var outputPath: String?
    /// `--out-der FILE`: every received PS-PDU appended as received; nil for none.
    public var derOutputPath: String?
    /// `--decryption-key-file FILE`: the agency's AES-192 key; nil leaves encrypted records encrypted.
    public var decryptionKeyPath: String?
    /// `--verify-integrity FILE`: the PEM public key integrity signatures are verified with; nil checks none.
    public var integrityKeyPath: String?
    /// `--require-client-cert`: insist on client certificates (what TLS mode always does; refused without TLS).
    public var requireClientCertificate = false

    /// Creates options listening on `listen`, plaintext, writing to standard output.
    public init(listen: String) {
        self.listen = listen
    }
}
