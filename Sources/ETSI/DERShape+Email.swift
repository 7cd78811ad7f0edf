/// The shapes of EmailPDU (TS 102 232-2 version 19) as far as their first fields: enough that an IP access record
/// cannot pass for an email one.
extension DERShape {
    /// `EmailCC ::= SEQUENCE { emailCCObjId [0] RELATIVE-OID, email-Format [1] ENUMERATED { ip-packet(1),
    /// application(2) }, content [2] OCTET STRING }`.
    static let emailCC = DERShape.sequence([
        .required(0, .octets), .required(1, .enumerated(1...2)), .required(2, .octets),
    ])

    /// `EmailIRI ::= SEQUENCE { emailIRIObjId [0] RELATIVE-OID, eventType [1] E-mail-Event (ENUMERATED 1 to 9),
    /// client-Address [2], server-Address [3], client-Port [4], server-Port [5], server-Octets-Sent [6],
    /// client-Octets-Sent [7], protocol-ID [8], e-mail-Sender [9], e-mail-Recipients [10], status [11],
    /// total-Recipient-Count [12], message-ID [13], nationalParameter [14], national-EM-ASN1parameters [15],
    /// aAAInformation [16], e-mail-Sender-Validity [17] }`. protocol-ID (smtp(1) to webmail(4), undefined(255)) is
    /// checked as 1 to 255, a superset.
    static let emailIRI = DERShape.sequence([
        .required(0, .octets), .required(1, .enumerated(1...9)), .optional(2, ipAddress), .optional(3, ipAddress),
        .optional(4, .integer), .optional(5, .integer), .required(6, .integer), .required(7, .integer),
        .required(8, .enumerated(1...255)), .optional(9, .utf8), .optional(10, .constructed),
        .required(11, .enumerated(1...3)), .optional(12, .integer), .optional(13, .octets),
        .optional(14, .octets), .optional(15, .constructed), .optional(16, .constructed),
        .optional(17, .enumerated(0...1)),
    ])
}
