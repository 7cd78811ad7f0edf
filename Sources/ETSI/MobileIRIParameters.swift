/// The `IRI-Parameters` fields UmtsHI2Operations and EpsHI2Operations share (same tags, same types), from
/// `lawfulInterceptionIdentifier [1]` to `networkIdentifier [26]`:
///
/// ```asn1
///     lawfulInterceptionIdentifier [1] LawfulInterceptionIdentifier,      -- OCTET STRING (SIZE (1..25))
///     timeStamp [3] TimeStamp,                                            -- CHOICE: utcTime [1] UTCTime
///     initiator [4] ENUMERATED OPTIONAL,
///     locationOfTheTarget [8] Location OPTIONAL,                          -- UMTS only here
///     partyInformation [9] SET SIZE (1..10) OF PartyInformation OPTIONAL,
///     gPRSCorrelationNumber / ePSCorrelationNumber [18] OCTET STRING OPTIONAL,
///     gPRSevent / ePSevent [20] ENUMERATED OPTIONAL,
///     sgsnAddress [21] DataNodeAddress OPTIONAL,
///     gPRSOperationErrorCode [22] OCTET STRING OPTIONAL,
///     ggsnAddress [24] DataNodeAddress OPTIONAL,
///     networkIdentifier [26] Network-Identifier OPTIONAL,
/// Network-Identifier ::= SEQUENCE {                                       -- HI2Operations
///     operator-Identifier [0] OCTET STRING (SIZE (1..5)),
///     network-Element-Identifier [1] Network-Element-Identifier OPTIONAL, ... }   -- CHOICE: iP-Address [5] IPAddress
/// ```
struct MobileIRIParameters {
    var initiator: MobileInitiator?
    var location: MobileLocation?
    var party: MobileParty
    var correlationNumber: UInt32
    var event: Int
    var sgsnAddress: IRIAddress?
    var operationErrorCode: [UInt8]?
    var ggsnAddress: IRIAddress?
    var operatorIdentifier: String?
    var networkElementAddress: IRIAddress?

    /// Appends the fields from `[1]` to `[26]`.
    func append(liid: String, time: Timestamp, to out: inout [UInt8]) {
        DERWriter.appendOctets(.context(1), DERString.prefix(liid, maxOctets: 25), to: &out)
        DERWriter.appendHeader(.context(3, constructed: true), length: Timestamp.timeStampElementLength, to: &out)
        time.appendTimeStamp(to: &out)
        if let initiator {
            DERWriter.appendInteger(.context(4), UInt64(initiator.rawValue), to: &out)
        }
        location?.append(to: &out)
        party.appendPartyInformation(to: &out)
        DERWriter.appendHeader(.context(18), length: MobileCorrelationNumber.length(correlationNumber), to: &out)
        MobileCorrelationNumber.append(correlationNumber, to: &out)
        DERWriter.appendInteger(.context(20), UInt64(event), to: &out)
        if let sgsnAddress, sgsnAddress.isEncodable {
            MobileParty.appendDataNodeAddress(sgsnAddress, tag: 21, to: &out)
        }
        if let operationErrorCode, !operationErrorCode.isEmpty {
            DERWriter.appendOctets(.context(22), operationErrorCode, to: &out)
        }
        if let ggsnAddress, ggsnAddress.isEncodable {
            MobileParty.appendDataNodeAddress(ggsnAddress, tag: 24, to: &out)
        }
        appendNetworkIdentifier(to: &out)
    }

    private func appendNetworkIdentifier(to out: inout [UInt8]) {
        guard let operatorIdentifier else {
            return
        }
        let operatorOctets = DERString.prefix(operatorIdentifier, maxOctets: 5)
        guard !operatorOctets.isEmpty else {
            return
        }
        var content = DERWriter.elementLength(contentLength: operatorOctets.count)
        var elementContent = 0
        if let networkElementAddress, networkElementAddress.isEncodable {
            elementContent = DERWriter.elementLength(contentLength: networkElementAddress.contentLength)
            content += DERWriter.elementLength(contentLength: elementContent)
        }
        DERWriter.appendHeader(.context(26, constructed: true), length: content, to: &out)
        DERWriter.appendOctets(.context(0), operatorOctets, to: &out)
        if let networkElementAddress, elementContent > 0 {
            DERWriter.appendHeader(.context(1, constructed: true), length: elementContent, to: &out)
            networkElementAddress.append(.context(5, constructed: true), to: &out)
        }
    }
}
