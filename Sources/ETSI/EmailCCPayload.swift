/// The payload element of an EmailCC record (TS 102 232-1 and TS 102 232-2): one message (or piece of one)
/// transferred in a mail session, as the application payload:
///
/// ```asn1
/// payload [2] Payload                               -- a2: CHOICE, so explicit
///   cCPayloadSequence [1] SEQUENCE OF CCPayload     -- a1
///     CCPayload ::= SEQUENCE {                      -- 30
///       payloadDirection [0] PayloadDirection,      -- 80
///       cCContents [2] CCContents }                 -- a2: CHOICE, explicit
///         emailCC [1] EmailCC                       -- a1
///           EmailCC ::= SEQUENCE { emailCCObjId [0] RELATIVE-OID,        -- 80 04 05 02 v 02
///                                  email-Format [1] Email-Format,        -- 81 01 02 (application)
///                                  content [2] OCTET STRING }            -- 82
/// ```
public enum EmailCCPayload {
    /// Appends the `payload [2]` element carrying `content` (application payload: no IP or TCP headers) to `out`.
    public static func write(
        profile: ETSIProfile,
        direction: PayloadDirection,
        content: some Collection<UInt8>,
        into out: inout [UInt8]
    ) {
        let emailCCContent = 6 + 3 + DERWriter.elementLength(contentLength: content.count)
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.ccSequence,
            leadingValue: direction.rawValue,
            alternativeLength: DERWriter.elementLength(contentLength: emailCCContent),
            into: &out
        )
        DERWriter.appendHeader(0xA1, length: emailCCContent, to: &out)
        DERWriter.appendOctets(.context(0), [0x05, 0x02, profile.emailVersion, 0x02], to: &out)
        DERWriter.appendInteger(.context(1), 2, to: &out)
        DERWriter.appendOctets(.context(2), content, to: &out)
    }
}
