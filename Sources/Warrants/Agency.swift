/// A law-enforcement agency that receives intercepts: where its HI2 (IRI) and HI3 (CC) receivers listen, how the
/// handover connections are secured and kept alive, and how its records are encoded.
///
/// Handover is TLS unless the agency was explicitly configured for plain TCP: a stored agency has either ``tls`` or
/// ``plaintext`` set, never both and never neither (``WarrantValidation`` checks it). Records may be protected
/// besides: payload encryption (``encryption``) and integrity checks (``integrity``), whose keys are files the store
/// names but never holds.
public struct Agency: Sendable, Equatable {
    /// The agency's name: 1-64 characters from `A-Z a-z 0-9 . _ -`, unique in the store.
    public var name: String
    /// The HI2 receiver (intercept-related information).
    public var hi2: Endpoint
    /// The HI3 receiver (content of communication).
    public var hi3: Endpoint
    /// Seconds of idle time before a keep-alive is sent, 1-86400 (default 300).
    public var keepaliveSeconds: Int
    /// Seconds to wait for the keep-alive response, 1-3600 and less than ``keepaliveSeconds`` (default 30).
    public var keepaliveWaitSeconds: Int
    /// The agency's country (ISO 3166 alpha-2, upper case), the default country codes of its warrants.
    public var countryCode: String?
    /// True when handover to this agency is plain TCP (the explicit opt-out of TLS); ``tls`` is nil then.
    public var plaintext: Bool
    /// The TLS files and policy; nil exactly when ``plaintext`` is true.
    public var tls: AgencyTLS?
    /// How records carry their time (default microseconds).
    public var timestampFormat: AgencyTimestampFormat
    /// Which object identifiers records carry (default current).
    public var etsiProfile: AgencyETSIProfile
    /// Seconds between attempts to reach the agency while it is down, 1-3600 (default 10).
    public var retrySeconds: Int
    /// Payload encryption, or nil for none.
    public var encryption: AgencyEncryption?
    /// Integrity checks, or nil for none.
    public var integrity: AgencyIntegrity?

    /// The default keep-alive interval in seconds.
    public static let defaultKeepaliveSeconds = 300
    /// The default keep-alive response timeout in seconds.
    public static let defaultKeepaliveWaitSeconds = 30
    /// The default retry interval in seconds.
    public static let defaultRetrySeconds = 10

    /// Creates an agency: plaintext with `plaintext: true`, TLS with `plaintext: false` and `tls`.
    public init(
        name: String,
        hi2: Endpoint,
        hi3: Endpoint,
        keepaliveSeconds: Int = Agency.defaultKeepaliveSeconds,
        keepaliveWaitSeconds: Int = Agency.defaultKeepaliveWaitSeconds,
        countryCode: String? = nil,
        plaintext: Bool,
        tls: AgencyTLS? = nil,
        timestampFormat: AgencyTimestampFormat = .microseconds,
        etsiProfile: AgencyETSIProfile = .current,
        retrySeconds: Int = Agency.defaultRetrySeconds,
        encryption: AgencyEncryption? = nil,
        integrity: AgencyIntegrity? = nil
    ) {
        self.name = name
        self.hi2 = hi2
        self.hi3 = hi3
        self.keepaliveSeconds = keepaliveSeconds
        self.keepaliveWaitSeconds = keepaliveWaitSeconds
        self.countryCode = countryCode
        self.plaintext = plaintext
        self.tls = tls
        self.timestampFormat = timestampFormat
        self.etsiProfile = etsiProfile
        self.retrySeconds = retrySeconds
        self.encryption = encryption
        self.integrity = integrity
    }
}
