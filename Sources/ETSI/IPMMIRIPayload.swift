/// The payload element of an IPMMIRI record carrying one SIP message (TS 102 232-1 and TS 102 232-5):
///
/// ```asn1
/// payload [2] Payload                                 -- a2: CHOICE, so explicit
///   iRIPayloadSequence [0] SEQUENCE OF IRIPayload     -- a0
///     IRIPayload ::= SEQUENCE {                       -- 30
///       iRIType [0] IRIType,                          -- 80
///       iRIContents [2] IRIContents }                 -- a2: CHOICE, explicit
///         iPMMIRI [11] IPMMIRI                        -- ab
///           IPMMIRI ::= SEQUENCE {
///             iPMMIRIObjId [0] RELATIVE-OID,          -- 80 04 05 05 v 01
///             iPMMIRIContents [1] IPIRIContents }     -- a1: CHOICE, explicit
///               sIPMessage [1] SIPMessage             -- a1
///                 SIPMessage ::= SEQUENCE {
///                   iPSourceAddress [0] IPAddress,        -- a0
///                   iPDestinationAddress [1] IPAddress,   -- a1
///                   sIPContent [2] OCTET STRING, ... }    -- 82: the whole SIP message
/// ```
///
/// The addresses are those of the IP packet that carried the message (see ``IRIAddress`` for how they are
/// encoded). IRIs are rare next to CC, so this builds a fresh array instead of writing into a caller's buffer.
public enum IPMMIRIPayload {
    /// Encodes the `payload [2]` element of an IPMMIRI record holding `sipMessage` (the SIP start line, headers and
    /// body, as sent), or nil if `source` or `destination` is not an IPv4 or IPv6 address (4 or 16 octets).
    public static func encode(
        profile: ETSIProfile,
        type: IRIType,
        sipMessage: some Collection<UInt8>,
        source: IRIAddress,
        destination: IRIAddress
    ) -> [UInt8]? {
        guard source.isEncodable, destination.isEncodable else {
            return nil
        }
        let sipMessageContent =
            DERWriter.elementLength(contentLength: source.contentLength)
            + DERWriter.elementLength(contentLength: destination.contentLength)
            + DERWriter.elementLength(contentLength: sipMessage.count)
        let sipMessageElement = DERWriter.elementLength(contentLength: sipMessageContent)
        let ipmmiriContent =
            IPMMObjectIdentifier.elementLength + DERWriter.elementLength(contentLength: sipMessageElement)
        let alternative = DERWriter.elementLength(contentLength: ipmmiriContent)
        var out: [UInt8] = []
        out.reserveCapacity(PayloadEnvelope.encodedLength(alternativeLength: alternative))
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.iriSequence,
            leadingValue: type.rawValue,
            alternativeLength: alternative,
            into: &out
        )
        DERWriter.appendHeader(0xAB, length: ipmmiriContent, to: &out)
        IPMMObjectIdentifier.append(profile: profile, last: IPMMObjectIdentifier.iri, to: &out)
        DERWriter.appendHeader(0xA1, length: sipMessageElement, to: &out)
        DERWriter.appendHeader(0xA1, length: sipMessageContent, to: &out)
        source.append(.context(0, constructed: true), to: &out)
        destination.append(.context(1, constructed: true), to: &out)
        DERWriter.appendOctets(.context(2), sipMessage, to: &out)
        return out
    }
}
