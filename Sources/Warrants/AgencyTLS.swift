/// The TLS material and policy of an agency's handover connections: PEM files by absolute, canonical path (the
/// store keeps paths, never key material), the name the agency's certificate must carry, and whether TLS 1.2 is
/// allowed besides TLS 1.3.
public struct AgencyTLS: Sendable, Equatable {
    /// The PEM file of the CA that signed the agency's (HI2/HI3 receivers') certificate.
    public var caPath: String
    /// The PEM file of the appliance's client certificate (chain).
    public var certificatePath: String
    /// The PEM file of the appliance's private key.
    public var keyPath: String
    /// The DNS name the agency's certificate must carry; nil: the certificate is checked against the CA only.
    public var serverName: String?
    /// True when TLS 1.2 is accepted; otherwise only TLS 1.3.
    public var allowTLS12: Bool

    /// Creates TLS settings.
    public init(caPath: String, certificatePath: String, keyPath: String, serverName: String? = nil, allowTLS12: Bool) {
        self.caPath = caPath
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.serverName = serverName
        self.allowTLS12 = allowTLS12
    }
}
