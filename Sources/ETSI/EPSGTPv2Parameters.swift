/// The GTPv2-C elements of an EPS IRI: `ePS-GTPV2-specificParameters [36]` of EpsHI2Operations. Each value is the
/// TS 29.274 information element's value, without its type, length and instance octets, as GTP carried it:
///
/// ```asn1
/// EPS-GTPV2-SpecificParameters ::= SEQUENCE {
///     pDNAddressAllocation [1] OCTET STRING OPTIONAL,          -- PAA: PDN type, then the address(es)
///     aPN [2] OCTET STRING (SIZE (1..100)) OPTIONAL,
///     protConfigOptions [3] ProtConfigOptions OPTIONAL,        -- { ueToNetwork [1], networkToUe [2] } (1..251)
///     attachType [4] ..., ePSBearerIdentity [5] OCTET STRING OPTIONAL, detachType [6] ...,
///     rATType [7] OCTET STRING (SIZE (1)) OPTIONAL,
///     failedBearerActivationReason [8] OCTET STRING (SIZE (1)) OPTIONAL,
///     ePSBearerQoS [9] OCTET STRING OPTIONAL,
///     bearerActivationType [10] TypeOfBearer OPTIONAL,         -- defaultBearer(1), dedicatedBearer(2)
///     aPN-AMBR [11] OCTET STRING OPTIONAL, procedureTransactionId [12] ...,
///     linkedEPSBearerId [13] OCTET STRING OPTIONAL, tFT [14] ..., handoverIndication [15] ...,
///     failedBearerModReason [16] OCTET STRING (SIZE (1)) OPTIONAL, ...
///     bearerDeactivationType [21] TypeOfBearer OPTIONAL,
///     bearerDeactivationCause [22] OCTET STRING (SIZE (1)) OPTIONAL,
///     ePSlocationOfTheTarget [23] EPSLocation OPTIONAL,         -- { userLocationInfo [1] OCTET STRING (SIZE (1..39)),
///                                                              --   ..., uELocationTimestamp [10] CHOICE {
///                                                              --   timestamp [0] TimeStamp, ... } }
///     ..., pDNType [24] OCTET STRING (SIZE (1)) OPTIONAL, ... }
/// ```
///
/// A value of a size the module forbids (an empty one, a protocol configuration over 251 octets, a user location over
/// 39) is left out.
public struct EPSGTPv2Parameters: Sendable, Equatable {
    /// `TypeOfBearer`.
    public enum BearerType: Int, Sendable {
        /// The default bearer of a PDN connection.
        case defaultBearer = 1
        /// A dedicated bearer.
        case dedicatedBearer = 2
    }

    /// The PDN Address Allocation (PDN type 1 IPv4, 2 IPv6, 3 IPv4v6, then the prefix length and addresses).
    public var pdnAddressAllocation: [UInt8]?
    /// The access point name as text (written as labels, as ``MobileParty/apn``).
    public var apn: String?
    /// The protocol configuration options the UE sent.
    public var protocolConfigurationUEToNetwork: [UInt8]?
    /// The protocol configuration options the network sent.
    public var protocolConfigurationNetworkToUE: [UInt8]?
    /// The EPS bearer ID.
    public var bearerIdentity: UInt8?
    /// The RAT type (6 EUTRAN).
    public var ratType: UInt8?
    /// The cause of a rejected bearer activation.
    public var failedBearerActivationReason: UInt8?
    /// The bearer QoS (ARP, QCI and bit rates: 22 octets).
    public var bearerQoS: [UInt8]?
    /// Whether an activated bearer is the default or a dedicated one.
    public var bearerActivationType: BearerType?
    /// The APN aggregate maximum bit rate (uplink, then downlink, kbit/s).
    public var apnAMBR: [UInt8]?
    /// The linked EPS bearer ID of a dedicated bearer.
    public var linkedBearerIdentity: UInt8?
    /// The cause of a failed bearer modification.
    public var failedBearerModificationReason: UInt8?
    /// Whether a deactivated bearer is the default or a dedicated one.
    public var bearerDeactivationType: BearerType?
    /// The cause of a bearer deactivation.
    public var bearerDeactivationCause: UInt8?
    /// The User Location Information (flags, then TAI, ECGI, ...).
    public var userLocationInfo: [UInt8]?
    /// When the location was reported (`uELocationTimestamp`); sent only with ``userLocationInfo``.
    public var locationTimestamp: Timestamp?
    /// The PDN type (1 IPv4, 2 IPv6, 3 IPv4v6).
    public var pdnType: UInt8?

    /// Creates the parameters; every field is optional.
    public init() {}

    /// The content octets of the `[36]` SEQUENCE, in tag order.
    var content: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        Self.appendBytes(.context(1), pdnAddressAllocation, to: &out)
        if let apn, let octets = APNLabels.octets(apn) {
            DERWriter.appendOctets(.context(2), octets, to: &out)
        }
        appendProtocolConfiguration(to: &out)
        Self.appendOctet(.context(5), bearerIdentity, to: &out)
        Self.appendOctet(.context(7), ratType, to: &out)
        Self.appendOctet(.context(8), failedBearerActivationReason, to: &out)
        Self.appendBytes(.context(9), bearerQoS, to: &out)
        if let bearerActivationType {
            DERWriter.appendInteger(.context(10), UInt64(bearerActivationType.rawValue), to: &out)
        }
        Self.appendBytes(.context(11), apnAMBR, to: &out)
        Self.appendOctet(.context(13), linkedBearerIdentity, to: &out)
        Self.appendOctet(.context(16), failedBearerModificationReason, to: &out)
        if let bearerDeactivationType {
            DERWriter.appendInteger(.context(21), UInt64(bearerDeactivationType.rawValue), to: &out)
        }
        Self.appendOctet(.context(22), bearerDeactivationCause, to: &out)
        if let userLocationInfo, (1...39).contains(userLocationInfo.count) {
            let uli = DERWriter.elementLength(contentLength: userLocationInfo.count)
            let stamp = locationTimestamp == nil ? 0 : 2 + 2 + Timestamp.timeStampElementLength
            DERWriter.appendHeader(.context(23, constructed: true), length: uli + stamp, to: &out)
            DERWriter.appendOctets(.context(1), userLocationInfo, to: &out)
            if let locationTimestamp {
                DERWriter.appendHeader(.context(10, constructed: true), length: stamp - 2, to: &out)
                DERWriter.appendHeader(.context(0, constructed: true), length: stamp - 4, to: &out)
                locationTimestamp.appendTimeStamp(to: &out)
            }
        }
        Self.appendOctet(.context(24), pdnType, to: &out)
        return out
    }

    private func appendProtocolConfiguration(to out: inout [UInt8]) {
        let sizes = 1...251
        let toNetwork = protocolConfigurationUEToNetwork.flatMap { sizes.contains($0.count) ? $0 : nil }
        let toUE = protocolConfigurationNetworkToUE.flatMap { sizes.contains($0.count) ? $0 : nil }
        guard toNetwork != nil || toUE != nil else {
            return
        }
        let length =
            (toNetwork.map { DERWriter.elementLength(contentLength: $0.count) } ?? 0)
            + (toUE.map { DERWriter.elementLength(contentLength: $0.count) } ?? 0)
        DERWriter.appendHeader(.context(3, constructed: true), length: length, to: &out)
        Self.appendBytes(.context(1), toNetwork, to: &out)
        Self.appendBytes(.context(2), toUE, to: &out)
    }

    private static func appendBytes(_ tag: DERTag, _ value: [UInt8]?, to out: inout [UInt8]) {
        if let value, !value.isEmpty {
            DERWriter.appendOctets(tag, value, to: &out)
        }
    }

    private static func appendOctet(_ tag: DERTag, _ value: UInt8?, to out: inout [UInt8]) {
        if let value {
            DERWriter.appendOctets(tag, CollectionOfOne(value), to: &out)
        }
    }
}
