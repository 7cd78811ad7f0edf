/// The static part of a `PSHeader` (TS 102 232-1), encoded once per warrant:
///
/// ```asn1
/// PSHeader ::= SEQUENCE {
///     li-psDomainId                   [0] OBJECT IDENTIFIER,
///     lawfulInterceptionIdentifier    [1] LawfulInterceptionIdentifier,     -- OCTET STRING (SIZE (1..25))
///     authorizationCountryCode        [2] PrintableString (SIZE (2)) OPTIONAL,
///     communicationIdentifier         [3] CommunicationIdentifier,
///     sequenceNumber                  [4] INTEGER (0..4294967295),
///     timeStamp                       [5] GeneralizedTime OPTIONAL,
///     ...,
///     interceptionPointID             [6] PrintableString (SIZE (1..8)) OPTIONAL,
///     microSecondTimeStamp            [7] MicroSecondTimeStamp OPTIONAL,
///     timeStampQualifier              [8] TimeStampQualifier OPTIONAL, ... }
/// CommunicationIdentifier ::= SEQUENCE {
///     networkIdentifier               [0] NetworkIdentifier,
///     communicationIdentityNumber     [1] INTEGER (0..4294967295) OPTIONAL,
///     deliveryCountryCode             [2] PrintableString (SIZE (2)) OPTIONAL, ... }
/// NetworkIdentifier ::= SEQUENCE {
///     operatorIdentifier              [0] OCTET STRING (SIZE(1..16)),
///     networkElementIdentifier        [1] OCTET STRING (SIZE(1..16)) OPTIONAL, ... }
/// ```
///
/// The values are expected to be validated where they are configured (the warrant store). So that a record always
/// decodes, the template cuts the LIID to 25 octets, the identifiers to 16 and interceptionPointID to 8 (on character
/// boundaries) and leaves out a country code that is not two PrintableString characters, an empty
/// networkElementIdentifier and an empty or non-PrintableString interceptionPointID.
public struct PSHeaderTemplate: Sendable {
    /// Which time field the header carries.
    public enum TimeFormat: Sendable, Equatable {
        /// `microSecondTimeStamp [7]` (seconds and microseconds); `timeStamp [5]` is left out. The default.
        case microSecondTimeStamp
        /// `timeStamp [5]` as a GeneralizedTime; `microSecondTimeStamp [7]` is left out (an agency's choice; OpenLI's
        /// "timestampformat generalized").
        case generalizedTime
    }

    /// The lawful interception identifier as configured.
    public let liid: String
    /// The OID profile of the agency.
    public let profile: ETSIProfile
    /// Which time field the header carries.
    public let timeFormat: TimeFormat

    /// `li-psDomainId`, `lawfulInterceptionIdentifier` and `authorizationCountryCode`, encoded.
    let leading: [UInt8]
    /// The `networkIdentifier [0]` element, encoded.
    let networkIdentifier: [UInt8]
    /// The `deliveryCountryCode [2]` element, encoded, or empty.
    let deliveryCountry: [UInt8]
    /// The `interceptionPointID [6]` element, encoded, or empty.
    let interceptionPoint: [UInt8]

    /// Encodes the static header fields for one warrant.
    public init(
        profile: ETSIProfile,
        liid: String,
        authorizationCountryCode: String,
        operatorIdentifier: String,
        networkElementIdentifier: String,
        deliveryCountryCode: String,
        interceptionPointID: String? = nil,
        timeFormat: TimeFormat = .microSecondTimeStamp
    ) {
        self.liid = liid
        self.profile = profile
        self.timeFormat = timeFormat

        var leading: [UInt8] = []
        leading.reserveCapacity(48)
        DERWriter.appendOctets(.context(0), profile.psDomainIdContent, to: &leading)
        DERWriter.appendOctets(.context(1), DERString.prefix(liid, maxOctets: 25), to: &leading)
        if DERString.isCountryCode(authorizationCountryCode) {
            DERWriter.appendOctets(.context(2), authorizationCountryCode.utf8, to: &leading)
        }
        self.leading = leading

        let operatorOctets = DERString.prefix(operatorIdentifier, maxOctets: 16)
        let elementOctets = DERString.prefix(networkElementIdentifier, maxOctets: 16)
        var content = DERWriter.elementLength(contentLength: operatorOctets.count)
        if !elementOctets.isEmpty {
            content += DERWriter.elementLength(contentLength: elementOctets.count)
        }
        var network: [UInt8] = []
        network.reserveCapacity(DERWriter.elementLength(contentLength: content))
        DERWriter.appendHeader(.context(0, constructed: true), length: content, to: &network)
        DERWriter.appendOctets(.context(0), operatorOctets, to: &network)
        if !elementOctets.isEmpty {
            DERWriter.appendOctets(.context(1), elementOctets, to: &network)
        }
        self.networkIdentifier = network

        var delivery: [UInt8] = []
        if DERString.isCountryCode(deliveryCountryCode) {
            DERWriter.appendOctets(.context(2), deliveryCountryCode.utf8, to: &delivery)
        }
        self.deliveryCountry = delivery

        var point: [UInt8] = []
        if let interceptionPointID, DERString.isPrintable(interceptionPointID), !interceptionPointID.isEmpty {
            DERWriter.appendOctets(.context(6), DERString.prefix(interceptionPointID, maxOctets: 8), to: &point)
        }
        self.interceptionPoint = point
    }
}
