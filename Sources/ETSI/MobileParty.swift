/// The target of a mobile IRI and its PDP context or PDN connection: the one `PartyInformation` of
/// `partyInformation [9]`, in UmtsHI2Operations and EpsHI2Operations alike (only the qualifier's name differs):
///
/// ```asn1
/// PartyInformation ::= SEQUENCE {
///     party-Qualifier [0] ENUMERATED { gPRS-Target(3), ... },     -- EPS: gPRSorEPS-Target(3)
///     partyIdentity [1] SEQUENCE {
///         imei [1] OCTET STRING (SIZE (8)) OPTIONAL,               -- TBCD, see MAP
///         imsi [3] OCTET STRING (SIZE (3..8)) OPTIONAL,            -- TBCD, E.212
///         msISDN [6] OCTET STRING (SIZE (1..9)) OPTIONAL,          -- MAP AddressString
///         ... },
///     services-Data-Information [4] Services-Data-Information OPTIONAL, ... }
/// Services-Data-Information ::= SEQUENCE { gPRS-parameters [1] GPRS-parameters OPTIONAL, ... }
/// GPRS-parameters ::= SEQUENCE {
///     pDP-address-allocated-to-the-target [1] DataNodeAddress OPTIONAL,   -- CHOICE: ipAddress [1] IPAddress
///     aPN [2] OCTET STRING (SIZE(1..100)) OPTIONAL,                       -- TS 23.003 labels
///     pDP-type [3] OCTET STRING (SIZE(2)) OPTIONAL,
///     ..., nSAPI [4] OCTET STRING (SIZE (1)) OPTIONAL,
///     additionalIPaddress [5] DataNodeAddress OPTIONAL }                  -- the second address of IPv4v6
/// ```
///
/// Identities are digit strings: the encoder writes them in TBCD (filler `F` after an odd count); the MSISDN gets
/// the AddressString octet `91` (international, E.164) in front, and a leading `+` is dropped. An identity that is
/// not all digits or does not fit its size (IMEI 15 or 16 digits, IMSI 5 to 16, MSISDN 1 to 16) is left out, as is an
/// APN that does not fit (see ``apn``) and an address of neither 4 nor 16 octets, so a record always decodes.
public struct MobileParty: Sendable, Equatable {
    /// `pDP-type`: octets 3 and 4 of the TS 24.008 Packet Data Protocol address element (PDP type organisation, then
    /// number), as a 16-bit value.
    public struct PDPType: RawRepresentable, Sendable, Equatable, Hashable {
        /// The two octets, big-endian.
        public var rawValue: UInt16

        /// Creates a type from its two octets.
        public init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        /// IETF, IPv4 (`01 21`).
        public static let ipv4 = PDPType(rawValue: 0x0121)
        /// IETF, IPv6 (`01 57`).
        public static let ipv6 = PDPType(rawValue: 0x0157)
        /// IETF, IPv4v6 (`01 8d`).
        public static let ipv4v6 = PDPType(rawValue: 0x018D)
    }

    /// The IMSI, as digits.
    public var imsi: String?
    /// The MSISDN in international form, as digits (a leading `+` is ignored).
    public var msisdn: String?
    /// The IMEI (15 digits) or IMEISV (16), as digits.
    public var imei: String?
    /// The address allocated to the target (the IPv4 one of an IPv4v6 context).
    public var pdpAddress: IRIAddress?
    /// The second address of an IPv4v6 context (`additionalIPaddress`).
    public var additionalPDPAddress: IRIAddress?
    /// The access point name as text (`internet`, `ims.mnc001.mcc001.gprs`); written as length-prefixed labels and
    /// left out if a label is longer than 63 octets or the whole longer than 100.
    public var apn: String?
    /// The PDP type.
    public var pdpType: PDPType?
    /// The NSAPI (GTPv1's NSAPI element's value).
    public var nsapi: UInt8?

    /// Creates a party; every field is optional.
    public init(
        imsi: String? = nil,
        msisdn: String? = nil,
        imei: String? = nil,
        pdpAddress: IRIAddress? = nil,
        apn: String? = nil,
        pdpType: PDPType? = nil
    ) {
        self.imsi = imsi
        self.msisdn = msisdn
        self.imei = imei
        self.pdpAddress = pdpAddress
        self.apn = apn
        self.pdpType = pdpType
    }
}
