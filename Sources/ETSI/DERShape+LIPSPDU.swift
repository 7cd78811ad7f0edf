/// The shapes of LI-PS-PDU (TS 102 232-1 version 43) that our records use; payloads of other handover
/// specifications are `any`.
extension DERShape {
    /// `PS-PDU ::= SEQUENCE { pSHeader [1] PSHeader, payload [2] Payload }` (a universal SEQUENCE, `30`).
    static let psPDU = DERShape.sequence([.required(1, psHeader), .required(2, payload)])

    /// `PSHeader` (see ``PSHeaderTemplate``), with the version 43 additions extendedInterceptionPointID [9] and
    /// networkFunctionIdentifier [10] (OCTET STRINGs).
    static let psHeader = DERShape.sequence([
        .required(0, .objectIdentifier), .required(1, .octets), .optional(2, .ascii),
        .required(3, communicationIdentifier), .required(4, .integer), .optional(5, .generalizedTime),
        .optional(6, .ascii), .optional(7, microSecondTimeStamp), .optional(8, timeStampQualifier),
        .optional(9, .octets), .optional(10, .octets),
    ])

    /// `CommunicationIdentifier ::= SEQUENCE { networkIdentifier [0], communicationIdentityNumber [1] INTEGER
    /// OPTIONAL, deliveryCountryCode [2] PrintableString OPTIONAL, ..., cINExtension [3] OPTIONAL }`.
    static let communicationIdentifier = DERShape.sequence([
        .required(0, networkIdentifier), .optional(1, .integer), .optional(2, .ascii), .optional(3, .constructed),
    ])

    /// `NetworkIdentifier ::= SEQUENCE { operatorIdentifier [0] OCTET STRING, networkElementIdentifier [1] OCTET
    /// STRING OPTIONAL, ..., eTSI671NEID [2] Network-Element-Identifier OPTIONAL }`.
    static let networkIdentifier = DERShape.sequence([
        .required(0, .octets), .optional(1, .octets), .optional(2, .constructed),
    ])

    /// `MicroSecondTimeStamp ::= SEQUENCE { seconds [0] INTEGER, microSeconds [1] INTEGER, ... }`.
    static let microSecondTimeStamp = DERShape.sequence([.required(0, .integer), .required(1, .integer)])

    /// `TimeStampQualifier ::= ENUMERATED { unknown(0), timeOfInterception(1), timeOfMediation(2), ...,
    /// timeOfAggregation(3) }`.
    static let timeStampQualifier = DERShape.enumerated(0...3)

    /// `PayloadDirection ::= ENUMERATED { fromTarget(0), toTarget(1), ..., indeterminate(2), combined(3),
    /// notapplicable(4) }`.
    static let payloadDirection = DERShape.enumerated(0...4)

    /// `Payload ::= CHOICE { iRIPayloadSequence [0], cCPayloadSequence [1], tRIPayload [2], ..., hI1-Operation [3],
    /// encryptionContainer [4], threeGPP-HI1-Operation [5], iLHIPayload [6], hI4Payload [7] }`.
    static let payload = DERShape.choice([
        .optional(0, .sequenceOf(iriPayload)), .optional(1, .sequenceOf(ccPayload)), .optional(2, triPayload),
        .optional(3, hi1Operation), .optional(4, encryptionContainer), .optional(5, .constructed),
        .optional(6, .constructed), .optional(7, .constructed),
    ])

    /// `TRIPayload ::= CHOICE { integrityCheck [0], testPDU [1] NULL, paddingPDU [2] OCTET STRING, keep-alive [3]
    /// NULL, keep-aliveResponse [4] NULL, firstSegmentFlag [5] NULL, lastSegmentFlag [6] NULL, ..., cINReset [7]
    /// NULL, operatorLeaMessage [8], optionRequest [9], optionResponse [10], optionComplete [11] NULL,
    /// pDUAcknowledgementRequest [12] NULL, pDUAcknowledgementResponse [13] NULL }`.
    static let triPayload = DERShape.choice([
        .optional(0, integrityCheck), .optional(1, .null), .optional(2, .octets), .optional(3, .null),
        .optional(4, .null), .optional(5, .null), .optional(6, .null), .optional(7, .null), .optional(8, .constructed),
        .optional(9, .constructed), .optional(10, .constructed), .optional(11, .null), .optional(12, .null),
        .optional(13, .null),
    ])

    /// `EncryptionContainer ::= SEQUENCE { encryptionType [0] EncryptionType, encryptedPayload [1] OCTET STRING,
    /// ..., encryptedPayloadType [2] EncryptedPayloadType OPTIONAL }`.
    static let encryptionContainer = DERShape.sequence([
        .required(0, .enumerated(1...7)), .required(1, .octets), .optional(2, .enumerated(1...8)),
    ])

    /// `IntegrityCheck ::= SEQUENCE { includedSequenceNumbers [0] SEQUENCE OF INTEGER, checkType [1] CheckType,
    /// dataType [2] DataType OPTIONAL, checkValue [3] OCTET STRING, ..., hashAlgorithm [4] HashAlgorithm OPTIONAL,
    /// signatureAlgorithm [5] SignatureAlgorithm OPTIONAL }`.
    static let integrityCheck = DERShape.sequence([
        .required(0, .constructed), .required(1, .enumerated(1...2)), .optional(2, .enumerated(1...3)),
        .required(3, .octets), .optional(4, .enumerated(1...4)), .optional(5, .enumerated(1...3)),
    ])

    /// `IRIPayload ::= SEQUENCE { iRIType [0] IRIType OPTIONAL, timeStamp [1] GeneralizedTime OPTIONAL,
    /// iRIContents [2] IRIContents, ..., microSecondTimeStamp [3] OPTIONAL, timeStampQualifier [4] OPTIONAL,
    /// sessionDirection [5] PayloadDirection OPTIONAL, payloadDirection [6] PayloadDirection OPTIONAL }`.
    static let iriPayload = DERShape.sequence([
        .optional(0, .enumerated(1...4)), .optional(1, .generalizedTime), .required(2, iriContents),
        .optional(3, microSecondTimeStamp), .optional(4, timeStampQualifier), .optional(5, payloadDirection),
        .optional(6, payloadDirection),
    ])

    /// `IRIContents`: iPIRI [2], emailIRI [1] and iPMMIRI [11] are modelled; threeGPP33128DefinedIRI [19] is an
    /// OCTET STRING; uMTSIRI, eTSI671IRI, ..., all SEQUENCE or CHOICE types, are `constructed`.
    static let iriContents = DERShape.choice(
        [.optional(1, emailIRI), .optional(2, ipiri), .optional(11, ipmmiri), .optional(19, .octets)]
            + [3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 20].map { .optional($0, .constructed) }
    )

    /// `CCPayload ::= SEQUENCE { payloadDirection [0] OPTIONAL, timeStamp [1] GeneralizedTime OPTIONAL,
    /// cCContents [2] CCContents, ..., microSecondTimeStamp [3] OPTIONAL, timeStampQualifier [4] OPTIONAL }`.
    static let ccPayload = DERShape.sequence([
        .optional(0, payloadDirection), .optional(1, .generalizedTime), .required(2, ccContents),
        .optional(3, microSecondTimeStamp), .optional(4, timeStampQualifier),
    ])

    /// `CCContents`: iPCC [2], emailCC [1] and iPMMCC [12] are modelled; uMTSCC [4], ePSCC [15] and
    /// threeGPP33128DefinedCC [23] are OCTET STRINGs; the rest, all SEQUENCE or CHOICE types, are `constructed`.
    static let ccContents = DERShape.choice(
        [.optional(1, emailCC), .optional(2, ipcc), .optional(4, .octets), .optional(12, ipmmcc)]
            + [.optional(15, .octets), .optional(23, .octets)]
            + [6, 7, 8, 9, 10, 11, 14, 16, 17, 18, 19, 20, 21, 22].map { .optional($0, .constructed) }
    )

    /// `IPAddress ::= SEQUENCE { iP-type [1] ENUMERATED { iPV4(0), iPV6(1), ... }, iP-value [2] IP-value,
    /// iP-assignment [3] ENUMERATED { static(1), dynamic(2), notKnown(3), ... } OPTIONAL, ...,
    /// iPv6PrefixLength [4] INTEGER OPTIONAL, iPv4SubnetMask [5] OCTET STRING OPTIONAL,
    /// iP-NAT-translated [6] BOOLEAN OPTIONAL }`, with `IP-value ::= CHOICE { iPBinaryAddress [1] OCTET STRING,
    /// iPTextAddress [2] IA5String, ... }`.
    static let ipAddress = DERShape.sequence([
        .required(1, .enumerated(0...1)), .required(2, .choice([.optional(1, .octets), .optional(2, .ascii)])),
        .optional(3, .enumerated(1...3)), .optional(4, .integer), .optional(5, .octets), .optional(6, .boolean),
    ])
}
