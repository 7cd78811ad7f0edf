/// The operator's input to `agency add`, as typed.
public struct AgencyAddRequest: Sendable {
    /// The agency's name.
    public var name: String
    /// `--hi2 HOST:PORT`.
    public var hi2: String
    /// `--hi3 HOST:PORT`.
    public var hi3: String
    /// `--plaintext`: hand over over plain TCP; refused together with the TLS options.
    public var plaintext: Bool
    /// `--ca FILE`: the PEM file of the CA that signed the agency's certificate.
    public var ca: String?
    /// `--cert FILE`: the PEM file of the appliance's client certificate.
    public var cert: String?
    /// `--key FILE`: the PEM file of the appliance's private key.
    public var key: String?
    /// `--server-name NAME`: the name the agency's certificate must carry, nil for none.
    public var serverName: String?
    /// `--tls12`: accept TLS 1.2 besides TLS 1.3.
    public var tls12: Bool
    /// `--timestamp microseconds|generalized`, nil for microseconds.
    public var timestamp: String?
    /// `--etsi-profile current|openli`, nil for current.
    public var etsiProfile: String?
    /// `--retry SECONDS`, nil for the default.
    public var retry: String?
    /// `--keepalive SECONDS`, nil for the default.
    public var keepalive: String?
    /// `--keepalive-wait SECONDS`, nil for the default.
    public var keepaliveWait: String?
    /// `--country CC`, nil for none.
    public var country: String?
    /// Payload encryption and integrity checks (the `--no-...` flags are refused).
    public var protection: AgencyProtectionOptions

    /// Creates a request.
    public init(
        name: String,
        hi2: String,
        hi3: String,
        plaintext: Bool = false,
        ca: String? = nil,
        cert: String? = nil,
        key: String? = nil,
        serverName: String? = nil,
        tls12: Bool = false,
        timestamp: String? = nil,
        etsiProfile: String? = nil,
        retry: String? = nil,
        keepalive: String? = nil,
        keepaliveWait: String? = nil,
        country: String? = nil,
        protection: AgencyProtectionOptions = AgencyProtectionOptions()
    ) {
        self.name = name
        self.hi2 = hi2
        self.hi3 = hi3
        self.plaintext = plaintext
        self.ca = ca
        self.cert = cert
        self.key = key
        self.serverName = serverName
        self.tls12 = tls12
        self.timestamp = timestamp
        self.etsiProfile = etsiProfile
        self.retry = retry
        self.keepalive = keepalive
        self.keepaliveWait = keepaliveWait
        self.country = country
        self.protection = protection
    }
}
