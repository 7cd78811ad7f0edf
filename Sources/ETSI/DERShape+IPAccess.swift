/// The shapes of IPAccessPDU (TS 102 232-3 version 18) that our records use.
extension DERShape {
    /// `IPIRI ::= SEQUENCE { iPIRIObjId [0] RELATIVE-OID, iPIRIContents [1] IPIRIContents, ... }`.
    static let ipiri = DERShape.sequence([.required(0, .octets), .required(1, ipiriContents)])

    /// `IPCC ::= SEQUENCE { iPCCObjId [0] RELATIVE-OID, iPCCContents [1] IPCCContents }`, with
    /// `IPCCContents ::= CHOICE { iPPackets [0] OCTET STRING, ..., iPTruncatedPacket [1] IPTruncatedPacket }`.
    static let ipcc = DERShape.sequence([
        .required(0, .octets), .required(1, .choice([.optional(0, .octets), .optional(1, .constructed)])),
    ])

    /// `IPIRIContents` (see ``IPIRIContents``), every field up to framedRoutes [26].
    static let ipiriContents = DERShape.sequence([
        .required(0, .enumerated(0...10)),  // accessEventType
        .required(1, .octets),  // targetUsername
        .required(2, .enumerated(0...9)),  // internetAccessType
        .required(3, .enumerated(1...3)),  // iPVersion
        .optional(4, ipAddress),  // targetIPAddress
        .optional(5, .utf8),  // targetNetworkID
        .optional(6, .utf8),  // targetCPEID
        .optional(7, .utf8),  // targetLocation
        .optional(8, .integer),  // pOPPortNumber
        .optional(9, .utf8),  // callBackNumber
        .optional(10, .generalizedTime),  // startTime
        .optional(11, .generalizedTime),  // endTime
        .optional(12, .enumerated(0...4)),  // endReason
        .optional(13, .integer),  // octetsReceived
        .optional(14, .integer),  // octetsTransmitted
        .optional(15, .octets),  // rawAAAData
        .optional(16, .generalizedTime),  // expectedEndTime
        .optional(17, .utf8),  // pOPPhoneNumber
        .optional(18, .choice([.optional(0, .utf8), .optional(1, .octets), .optional(2, ipAddress)])),  // pOPIdentifier
        .optional(19, ipAddress),  // pOPIPAddress
        .optional(20, .sequence([.required(1, .ascii)])),  // nationalIPIRIParameters { countryCode [1], ... }
        .optional(21, ipAddress),  // additionalIPAddress
        .optional(22, .enumerated(0...4)),  // authenticationType
        .optional(23, .constructed),  // otherTargetIdentifiers
        .optional(24, .constructed),  // location
        .optional(25, .octets),  // pOPPortID
        .optional(26, .constructed),  // framedRoutes
    ])
}
