/// The target of an IP-access warrant: the RADIUS user name and/or static address prefixes, and the CIN of the
/// static-address session.
public struct IPTarget: Sendable, Equatable {
    /// The RADIUS User-Name to intercept (exact match), if any.
    public var username: String?
    /// Static prefixes to intercept, canonical CIDR text (`198.51.100.7/32`, `2001:db8::/56`).
    public var staticPrefixes: [String]
    /// The communication identity number (CIN) of static-IP sessions, 1 to 2^31-1.
    public var sessionID: UInt32

    /// Creates a target.
    public init(username: String? = nil, staticPrefixes: [String] = [], sessionID: UInt32 = 1) {
        self.username = username
        self.staticPrefixes = staticPrefixes
        self.sessionID = sessionID
    }
}
