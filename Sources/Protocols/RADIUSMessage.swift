import Packets

/// One parsed RADIUS message: the attributes the appliance uses (others are skipped after their length is checked).
///
/// Every attribute is optional; when an attribute occurs more than once, the first occurrence is kept.
public struct RADIUSMessage: Sendable, Equatable {
    /// The packet type.
    public var code: RADIUSCode
    /// The Identifier that pairs a response with its request.
    public var identifier: UInt8
    /// The 16-byte Authenticator.
    public var authenticator: [UInt8]
    /// User-Name (1).
    public var userName: String?
    /// NAS-IP-Address (4).
    public var nasIPAddress: IPAddress?
    /// NAS-Port (5).
    public var nasPort: UInt32?
    /// Framed-IP-Address (8).
    public var framedIPAddress: IPAddress?
    /// Called-Station-Id (30).
    public var calledStationID: String?
    /// Calling-Station-Id (31).
    public var callingStationID: String?
    /// NAS-Identifier (32).
    public var nasIdentifier: String?
    /// Acct-Status-Type (40) when it is one of ``AcctStatusType``; see ``acctStatusTypeRaw`` for any value.
    public var acctStatusType: AcctStatusType?
    /// Acct-Status-Type (40) as received, including values ``AcctStatusType`` does not name.
    public var acctStatusTypeRaw: UInt32?
    /// Acct-Input-Octets (42) plus Acct-Input-Gigawords (52) shifted left by 32.
    public var acctInputOctets: UInt64?
    /// Acct-Output-Octets (43) plus Acct-Output-Gigawords (53) shifted left by 32.
    public var acctOutputOctets: UInt64?
    /// Acct-Session-Id (44).
    public var acctSessionID: String?
    /// Acct-Terminate-Cause (49).
    public var acctTerminateCause: UInt32?
    /// NAS-Port-Id (87).
    public var nasPortID: String?
    /// NAS-IPv6-Address (95).
    public var nasIPv6Address: IPAddress?
    /// Framed-IPv6-Prefix (97).
    public var framedIPv6Prefix: IPPrefix?
    /// Delegated-IPv6-Prefix (123).
    public var delegatedIPv6Prefix: IPPrefix?
    /// Framed-IPv6-Address (168).
    public var framedIPv6Address: IPAddress?

    /// A message with the given header fields and no attributes.
    public init(code: RADIUSCode, identifier: UInt8, authenticator: [UInt8]) {
        self.code = code
        self.identifier = identifier
        self.authenticator = authenticator
    }
}
