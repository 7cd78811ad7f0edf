/// The shapes of IPMultimediaPDU (TS 102 232-5 version 14) that our records use.
extension DERShape {
    /// `IPMMCC ::= SEQUENCE { iPMMCCObjId [0] RELATIVE-OID, mMCCContents [1] OCTET STRING, ..., frameType [2]
    /// FrameType OPTIONAL, streamIdentifier [3] OCTET STRING OPTIONAL, mMCCprotocol [4] MMCCprotocol OPTIONAL }`,
    /// with `FrameType ::= ENUMERATED { ipFrame(0) ... msrpFrame(7) }` and
    /// `MMCCprotocol ::= ENUMERATED { rTP(0), mSRP(1), ..., uDPTL(2) }`.
    static let ipmmcc = DERShape.sequence([
        .required(0, .octets), .required(1, .octets), .optional(2, .enumerated(0...7)), .optional(3, .octets),
        .optional(4, .enumerated(0...2)),
    ])

    /// `IPMMIRI ::= SEQUENCE { iPMMIRIObjId [0] RELATIVE-OID, iPMMIRIContents [1] IPIRIContents, ...,
    /// targetLocation [2] Location OPTIONAL, additionalSignalling [3] SEQUENCE OF AdditionalSignalling OPTIONAL }`.
    static let ipmmiri = DERShape.sequence([
        .required(0, .octets), .required(1, ipmmiriContents), .optional(2, .constructed), .optional(3, .constructed),
    ])

    /// `IPIRIContents` of IPMultimediaPDU: `CHOICE { originalIPMMMessage [0] OCTET STRING, sIPMessage [1]
    /// SIPMessage, h323Message [2] H323Message, ..., nationalIPMMIRIParameters [3], xCAPMessage [4] OCTET STRING,
    /// iRIOnlyOriginalIPMMMessage [5] OCTET STRING, iRIOnlySIPMessage [6] SIPMessage }`.
    static let ipmmiriContents = DERShape.choice([
        .optional(0, .octets), .optional(1, ipmmSIPMessage), .optional(2, .constructed),
        .optional(3, .sequence([.required(1, .ascii)])), .optional(4, .octets), .optional(5, .octets),
        .optional(6, ipmmSIPMessage),
    ])

    /// `SIPMessage ::= SEQUENCE { iPSourceAddress [0] IPAddress, iPDestinationAddress [1] IPAddress,
    /// sIPContent [2] OCTET STRING, ... }`.
    static let ipmmSIPMessage = DERShape.sequence([
        .required(0, ipAddress), .required(1, ipAddress), .required(2, .octets),
    ])
}
