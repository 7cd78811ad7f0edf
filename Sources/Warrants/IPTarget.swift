/// The target of an IP-access warrant: the RADIUS user name, static address prefixes, a vendor mirror id and/or a raw
/// UDP sink, and the CIN of the static-address (and raw sink) session.
public struct IPTarget: Sendable, Equatable {
    /// The RADIUS User-Name to intercept (exact match), if any.
    public var username: String?
    /// Static prefixes to intercept, canonical CIDR text (`198.51.100.7/32`, `2001:db8::/56`).
    public var staticPrefixes: [String]
    /// The communication identity number (CIN) of static-IP sessions, 1 to 2^31-1.
    public var sessionID: UInt32
    /// The intercept id of the target's vendor-mirrored packets, if any: their CCs come from the mirror streams.
    public var mirror: MirrorTarget?
    /// A raw UDP sink (see ``UDPSink``) whose every datagram is the target's IP packet, if any; its CIN is
    /// `sessionID`.
    public var sink: Endpoint?

    /// Creates a target.
    public init(
        username: String? = nil,
        staticPrefixes: [String] = [],
        sessionID: UInt32 = 1,
        mirror: MirrorTarget? = nil,
        sink: Endpoint? = nil
    ) {
        self.username = username
        self.staticPrefixes = staticPrefixes
        self.sessionID = sessionID
        self.mirror = mirror
        self.sink = sink
    }
}
