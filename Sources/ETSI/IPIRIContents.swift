/// `IPIRIContents` of TS 102 232-3, the fields the appliance fills:
///
/// ```asn1
/// IPIRIContents ::= SEQUENCE {
///     accessEventType         [0] AccessEventType,
///     targetUsername          [1] OCTET STRING,
///     internetAccessType      [2] InternetAccessType,
///     iPVersion               [3] IPVersion,
///     targetIPAddress         [4] LI-PS-PDU.IPAddress OPTIONAL,
///     targetNetworkID         [5] UTF8String (SIZE (1..20)) OPTIONAL,
///     pOPPortNumber           [8] INTEGER (0..4294967295) OPTIONAL,
///     startTime               [10] GeneralizedTime OPTIONAL,
///     endTime                 [11] GeneralizedTime OPTIONAL,
///     endReason               [12] EndReason OPTIONAL,
///     octetsReceived          [13] INTEGER (0..18446744073709551615) OPTIONAL,
///     octetsTransmitted       [14] INTEGER (0..18446744073709551615) OPTIONAL,
///     ...,
///     pOPIdentifier           [18] IPIRIIDType OPTIONAL,      -- printableIDType [0] UTF8String (SIZE (1..128))
///     pOPIPAddress            [19] LI-PS-PDU.IPAddress OPTIONAL,
///     additionalIPAddress     [21] LI-PS-PDU.IPAddress OPTIONAL, ... }
/// ```
public struct IPIRIContents: Sendable, Equatable {
    /// `AccessEventType` (sessionStart(4) and sessionEnd(5) are no longer in use and not offered).
    public enum AccessEventType: Int, Sendable {
        /// A target requests access.
        case accessAttempt = 0
        /// Access is granted; the session begins.
        case accessAccept = 1
        /// Access is refused.
        case accessReject = 2
        /// The access attempt timed out or failed otherwise.
        case accessFailed = 3
        /// An intermediate report on the session.
        case interimUpdate = 6
        /// Interception starts on a target whose session is already active.
        case startOfInterceptionWithSessionActive = 7
        /// The session ends.
        case accessEnd = 8
        /// Interception ends on a target whose session is still active.
        case endOfInterceptionWithSessionActive = 9
        /// Unknown.
        case unknown = 10
    }

    /// `InternetAccessType`.
    public enum InternetAccessType: Int, Sendable {
        /// undefined(0).
        case undefined = 0
        /// dialUp(1).
        case dialUp = 1
        /// xDSL(2).
        case xDSL = 2
        /// cableModem(3).
        case cableModem = 3
        /// lAN(4).
        case lAN = 4
        /// wirelessLAN(5).
        case wirelessLAN = 5
        /// fTTx(6).
        case fTTx = 6
        /// wIMAX-HIPERMAN(7).
        case wiMax = 7
        /// satellite(8).
        case satellite = 8
        /// wireless-other(9).
        case wirelessOther = 9
    }

    /// `IPVersion`.
    public enum IPVersion: Int, Sendable {
        /// IPv4 is used.
        case iPV4 = 1
        /// IPv6 is used.
        case iPV6 = 2
        /// Both are used.
        case iPV4andV6 = 3
    }

    /// `EndReason`.
    public enum EndReason: Int, Sendable {
        /// undefined(0).
        case undefined = 0
        /// The target logged off.
        case regularLogoff = 1
        /// The connection was lost.
        case connectionLoss = 2
        /// The connection timed out.
        case connectionTimeout = 3
        /// The DHCP lease expired.
        case leaseExpired = 4
    }

    /// accessEventType [0].
    public var accessEventType: AccessEventType
    /// targetUsername [1] (sent as its UTF-8 octets).
    public var targetUsername: String
    /// internetAccessType [2].
    public var internetAccessType: InternetAccessType
    /// iPVersion [3].
    public var iPVersion: IPVersion
    /// targetIPAddress [4].
    public var targetIPAddress: IRIAddress?
    /// targetNetworkID [5]: cut to 20 UTF-8 octets on a character boundary; left out when empty.
    public var targetNetworkID: String?
    /// pOPPortNumber [8].
    public var pOPPortNumber: UInt32?
    /// startTime [10].
    public var startTime: Timestamp?
    /// endTime [11].
    public var endTime: Timestamp?
    /// endReason [12].
    public var endReason: EndReason?
    /// octetsReceived [13].
    public var octetsReceived: UInt64?
    /// octetsTransmitted [14].
    public var octetsTransmitted: UInt64?
    /// pOPIdentifier [18], sent as `printableIDType [0] UTF8String`: cut to 128 octets; left out when empty.
    public var pOPIdentifier: String?
    /// pOPIPAddress [19].
    public var pOPIPAddress: IRIAddress?
    /// additionalIPAddress [21] (the IPv6 address when iPVersion is iPV4andV6).
    public var additionalIPAddress: IRIAddress?

    /// Creates contents with the mandatory fields; the optional ones start as nil.
    public init(
        accessEventType: AccessEventType,
        targetUsername: String,
        internetAccessType: InternetAccessType,
        iPVersion: IPVersion
    ) {
        self.accessEventType = accessEventType
        self.targetUsername = targetUsername
        self.internetAccessType = internetAccessType
        self.iPVersion = iPVersion
    }
}
