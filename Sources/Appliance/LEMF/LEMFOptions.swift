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
    /// `--require-client-cert`: insist on client certificates (what TLS mode always does; refused without TLS).
    public var requireClientCertificate = false

    /// Creates options listening on `listen`, plaintext, writing to standard output.
    public init(listen: String) {
        self.listen = listen
    }
}
