import NIOSSL

/// The PEM files of a TLS LEMF: the CA that client certificates must chain to, and the LEMF's own certificate and
/// key.
public struct LEMFTLSFiles: Sendable, Equatable {
    /// PEM file of the CA that signed the clients' (appliances') certificates.
    public var caPath: String
    /// PEM file of the LEMF's certificate (chain).
    public var certificatePath: String
    /// PEM file of the LEMF's private key.
    public var keyPath: String

    /// Creates the set of files.
    public init(caPath: String, certificatePath: String, keyPath: String) {
        self.caPath = caPath
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// The server context: TLS 1.2 or later (1.3 when the client offers it), the LEMF's certificate, and client
    /// certificates required and verified against the CA (the chain and its validity; there is no client name to
    /// check).
    func makeContext() throws(LEMFError) -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        let roots: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw LEMFError(.usage, "--cert \"\(certificatePath)\": not a PEM certificate file (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw LEMFError(.usage, "--key \"\(keyPath)\": not a PEM private key file (\(error))")
        }
        do {
            roots = try NIOSSLCertificate.fromPEMFile(caPath)
        } catch {
            throw LEMFError(.usage, "--ca \"\(caPath)\": not a PEM certificate file (\(error))")
        }
        guard !chain.isEmpty else {
            throw LEMFError(.usage, "--cert \"\(certificatePath)\": no certificate in the file")
        }
        guard !roots.isEmpty else {
            throw LEMFError(.usage, "--ca \"\(caPath)\": no certificate in the file")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        configuration.minimumTLSVersion = .tlsv12
        configuration.trustRoots = .certificates(roots)
        configuration.certificateVerification = .noHostnameVerification
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw LEMFError(.usage, "--cert/--key: the certificate and key cannot be used together (\(error))")
        }
    }
}
