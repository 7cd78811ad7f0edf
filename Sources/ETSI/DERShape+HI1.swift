/// The shapes of HI1NotificationOperations (TS 101 671 version 7) and the HI2Operations types it imports.
extension DERShape {
    /// `HI1-Operation ::= CHOICE { liActivated [1] Notification, liDeactivated [2] Notification, liModified [3]
    /// Notification, alarms-indicator [4] Alarm-Indicator, ..., national-HI1-ASN1parameters [5] }`.
    static let hi1Operation = DERShape.choice([
        .optional(1, notification), .optional(2, notification), .optional(3, notification),
        .optional(4, alarmIndicator), .optional(5, nationalParameters),
    ])

    /// `Alarm-Indicator ::= SEQUENCE { domainID [0] OBJECT IDENTIFIER OPTIONAL, communicationIdentifier [1]
    /// OPTIONAL, timeStamp [2] TimeStamp, alarm-information [3] OCTET STRING, ..., lawfulInterceptionIdentifier [4]
    /// OPTIONAL, national-HI1-ASN1parameters [5] OPTIONAL }`.
    static let alarmIndicator = DERShape.sequence([
        .optional(0, .objectIdentifier), .optional(1, hi2CommunicationIdentifier), .required(2, hi2TimeStamp),
        .required(3, .octets), .optional(4, .octets), .optional(5, nationalParameters),
    ])

    /// `National-HI1-ASN1parameters ::= SEQUENCE { domainID [0] OBJECT IDENTIFIER OPTIONAL, countryCode [1]
    /// PrintableString (SIZE (2)), ... }`.
    static let nationalParameters = DERShape.sequence([.optional(0, .objectIdentifier), .required(1, .ascii)])

    /// `Notification` (see ``HI1Payload``): domainID [0], lawfulInterceptionIdentifier [1], communicationIdentifier
    /// [2], timeStamp [3], national-HI1-ASN1parameters [5], target-Information [6].
    static let notification = DERShape.sequence([
        .optional(0, .objectIdentifier), .required(1, .octets), .optional(2, hi2CommunicationIdentifier),
        .required(3, hi2TimeStamp), .optional(5, nationalParameters), .optional(6, .octets),
    ])

    /// HI2Operations `CommunicationIdentifier ::= SEQUENCE { communication-Identity-Number [0] OCTET STRING
    /// OPTIONAL, network-Identifier [1] Network-Identifier, ... }` with `Network-Identifier ::= SEQUENCE {
    /// operator-Identifier [0] OCTET STRING, network-Element-Identifier [1] Network-Element-Identifier OPTIONAL,
    /// ... }`.
    static let hi2CommunicationIdentifier = DERShape.sequence([
        .optional(0, .octets),
        .required(1, .sequence([.required(0, .octets), .optional(1, hi2NetworkElementIdentifier)])),
    ])

    /// HI2Operations `Network-Element-Identifier ::= CHOICE { e164-Format [1], x25-Format [2], iP-Format [3],
    /// dNS-Format [4] (OCTET STRINGs), ..., iP-Address [5] IPAddress }`.
    static let hi2NetworkElementIdentifier = DERShape.choice([
        .optional(1, .octets), .optional(2, .octets), .optional(3, .octets), .optional(4, .octets),
        .optional(5, .constructed),
    ])

    /// HI2Operations `TimeStamp ::= CHOICE { localTime [0] LocalTimeStamp, utcTime [1] UTCTime }` with
    /// `LocalTimeStamp ::= SEQUENCE { generalizedTime [0] GeneralizedTime, winterSummerIndication [1] ENUMERATED {
    /// notProvided(0), winterTime(1), summerTime(2), ... } }`.
    static let hi2TimeStamp = DERShape.choice([
        .optional(0, .sequence([.required(0, .generalizedTime), .required(1, .enumerated(0...2))])),
        .optional(1, .utcTime),
    ])
}
