/// The operator's input to `agency add`, as typed.
public struct AgencyAddRequest: Sendable {
    /// The agency's name.
    public var name: String
    /// `--hi2 HOST:PORT`.
    public var hi2: String
    /// `--hi3 HOST:PORT`.
    public var hi3: String
    /// `--plaintext`: required until TLS handover is available.
    public var plaintext: Bool
    /// `--keepalive SECONDS`, nil for the default.
    public var keepalive: String?
    /// `--keepalive-wait SECONDS`, nil for the default.
    public var keepaliveWait: String?
    /// `--country CC`, nil for none.
    public var country: String?

    /// Creates a request.
    public init(
        name: String,
        hi2: String,
        hi3: String,
        plaintext: Bool,
        keepalive: String? = nil,
        keepaliveWait: String? = nil,
        country: String? = nil
    ) {
        self.name = name
        self.hi2 = hi2
        self.hi3 = hi3
        self.plaintext = plaintext
        self.keepalive = keepalive
        self.keepaliveWait = keepaliveWait
        self.country = country
    }
}
