/// The SIP headers whose parties can identify a target (`run --sip-identities`).
public enum SIPIdentityHeader: String, Sendable, CaseIterable {
    /// To.
    case to
    /// From (OpenLI ignores it unless told otherwise; here it counts by default).
    case from
    /// P-Asserted-Identity (RFC 3325).
    case pai
    /// P-Preferred-Identity (RFC 3325).
    case ppi
    /// Remote-Party-ID.
    case rpid
    /// The `username` of Authorization and Proxy-Authorization (the target authenticating).
    case auth

    /// Parses a comma-separated list such as `to,pai,rpid`; nil when an entry is unknown or the list is empty.
    public static func list(_ text: String) -> Set<SIPIdentityHeader>? {
        var headers = Set<SIPIdentityHeader>()
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let header = SIPIdentityHeader(rawValue: entry.lowercased()) else { return nil }
            headers.insert(header)
        }
        return headers.isEmpty ? nil : headers
    }
}

/// How calls are followed: which SIP headers identify targets, when a silent call ends, and NAT handling.
public struct VoIPSettings: Sendable {
    /// The headers whose parties are compared with the VoIP warrants' targets.
    public var identityHeaders: Set<SIPIdentityHeader>
    /// A call with neither SIP nor media for this long is ended (µs; 0 = never, as OpenLI).
    public var callIdleTimeoutMicros: Int64
    /// When an SDP connection address is private (RFC 1918, RFC 6598, ULA, link-local) and differs from the address
    /// the SIP came from, the media is also expected from and to the SIP's address (a client behind NAT).
    public var natMedia: Bool

    /// Creates settings; the defaults use every identity header, end calls idle for an hour and follow NAT'd media.
    public init(
        identityHeaders: Set<SIPIdentityHeader> = Set(SIPIdentityHeader.allCases),
        callIdleTimeoutMicros: Int64 = 3_600_000_000,
        natMedia: Bool = true
    ) {
        self.identityHeaders = identityHeaders
        self.callIdleTimeoutMicros = callIdleTimeoutMicros
        self.natMedia = natMedia
    }
}
