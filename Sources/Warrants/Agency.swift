/// A law-enforcement agency that receives intercepts: where its HI2 (IRI) and HI3 (CC) receivers listen and how the
/// handover connections are kept alive.
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
    /// True when handover to this agency is plain TCP (no TLS).
    public var plaintext: Bool

    /// The default keep-alive interval in seconds.
    public static let defaultKeepaliveSeconds = 300
    /// The default keep-alive response timeout in seconds.
    public static let defaultKeepaliveWaitSeconds = 30

    /// Creates an agency.
    public init(
        name: String,
        hi2: Endpoint,
        hi3: Endpoint,
        keepaliveSeconds: Int = Agency.defaultKeepaliveSeconds,
        keepaliveWaitSeconds: Int = Agency.defaultKeepaliveWaitSeconds,
        countryCode: String? = nil,
        plaintext: Bool
    ) {
        self.name = name
        self.hi2 = hi2
        self.hi3 = hi3
        self.keepaliveSeconds = keepaliveSeconds
        self.keepaliveWaitSeconds = keepaliveWaitSeconds
        self.countryCode = countryCode
        self.plaintext = plaintext
    }
}
