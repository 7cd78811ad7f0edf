import ETSI

/// TLS material and policy for one agency's handover connections.
public struct TLSSettings: Sendable, Equatable {
    /// PEM file of the CA that signed the agency's certificate.
    public var caPath: String
    /// PEM file of the appliance's client certificate (chain).
    public var certificatePath: String
    /// PEM file of the appliance's private key.
    public var keyPath: String
    /// The name the agency's certificate must carry; nil: the certificate is checked against the CA only.
    public var serverName: String?
    /// Whether TLS 1.2 is allowed (else 1.3 only).
    public var allowTLS12: Bool

    /// Creates settings.
    public init(caPath: String, certificatePath: String, keyPath: String, serverName: String?, allowTLS12: Bool) {
        self.caPath = caPath
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.serverName = serverName
        self.allowTLS12 = allowTLS12
    }
}

/// Everything one handover connection needs.
public struct HandoverSettings: Sendable {
    /// Where it goes.
    public var endpoint: HandoverEndpoint
    /// TLS material, nil for an agency configured for plaintext.
    public var tls: TLSSettings?
    /// Seconds without a keep-alive after which one is sent.
    public var keepaliveSeconds: Int64
    /// Seconds a keep-alive response may take before the connection is dropped.
    public var keepaliveWaitSeconds: Int64
    /// Seconds between connection attempts.
    public var retrySeconds: Int64
    /// Header of the connection's keep-alives (the agency's identity; CIN 0, as OpenLI sends them).
    public var keepAliveHeader: PSHeaderTemplate
    /// Directory of this connection's spool.
    public var spoolDirectory: String
    /// Bytes the spool may hold unacknowledged before the pipeline waits.
    public var spoolQuotaBytes: Int64

    /// Creates settings.
    public init(
        endpoint: HandoverEndpoint,
        tls: TLSSettings?,
        keepaliveSeconds: Int64,
        keepaliveWaitSeconds: Int64,
        retrySeconds: Int64,
        keepAliveHeader: PSHeaderTemplate,
        spoolDirectory: String,
        spoolQuotaBytes: Int64
    ) {
        self.endpoint = endpoint
        self.tls = tls
        self.keepaliveSeconds = keepaliveSeconds
        self.keepaliveWaitSeconds = keepaliveWaitSeconds
        self.retrySeconds = retrySeconds
        self.keepAliveHeader = keepAliveHeader
        self.spoolDirectory = spoolDirectory
        self.spoolQuotaBytes = spoolQuotaBytes
    }
}
