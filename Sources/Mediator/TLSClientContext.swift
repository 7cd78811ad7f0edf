import NIOSSL

/// Why an agency's TLS material cannot be used: the agency is reported unusable, never silently downgraded.
public struct TLSSetupError: Error, Sendable, CustomStringConvertible {
    /// Which file or setting, and what is wrong with it.
    public var description: String
}

/// Builds the client TLS context of an agency's connections from its PEM files.
enum TLSClientContext {
    static func make(_ settings: TLSSettings) throws(TLSSetupError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = settings.allowTLS12 ? .tlsv12 : .tlsv13
        configuration.certificateVerification = .fullVerification
        do {
            let roots = try NIOSSLCertificate.fromPEMFile(settings.caPath)
            configuration.trustRoots = .certificates(roots)
        } catch {
            throw TLSSetupError(description: "CA file \(settings.caPath): \(error)")
        }
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(settings.certificatePath)
            configuration.certificateChain = chain.map { .certificate($0) }
        } catch {
            throw TLSSetupError(description: "certificate file \(settings.certificatePath): \(error)")
        }
        do {
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: settings.keyPath, format: .pem))
        } catch {
            throw TLSSetupError(description: "key file \(settings.keyPath): \(error)")
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError(description: "TLS set-up: \(error)")
        }
    }
}
