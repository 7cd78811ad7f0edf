/// The payload element of an IPIRI record (TS 102 232-1 and TS 102 232-3):
///
/// ```asn1
/// payload [2] Payload                                 -- a2: CHOICE, so explicit
///   iRIPayloadSequence [0] SEQUENCE OF IRIPayload     -- a0
///     IRIPayload ::= SEQUENCE {                       -- 30
///       iRIType [0] IRIType,                          -- 80
///       iRIContents [2] IRIContents }                 -- a2: CHOICE, explicit
///         iPIRI [2] IPIRI                             -- a2
///           IPIRI ::= SEQUENCE { iPIRIObjId [0] RELATIVE-OID,           -- 80 04 05 03 v 01
///                                iPIRIContents [1] IPIRIContents }      -- a1
/// ```
///
/// IRIs are rare next to CC, so this builds a fresh array (two allocations) instead of writing into a caller's
/// buffer.
public enum IPIRIPayload {
    /// Encodes the `payload [2]` element of an IPIRI record.
    public static func encode(profile: ETSIProfile, type: IRIType, contents: IPIRIContents) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        contents.appendContent(to: &body)

        let ipiriContent = 6 + DERWriter.elementLength(contentLength: body.count)
        let alternative = DERWriter.elementLength(contentLength: ipiriContent)
        var out: [UInt8] = []
        out.reserveCapacity(PayloadEnvelope.encodedLength(alternativeLength: alternative))
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.iriSequence,
            leadingValue: type.rawValue,
            alternativeLength: alternative,
            into: &out
        )
        DERWriter.appendHeader(0xA2, length: ipiriContent, to: &out)
        DERWriter.appendHeader(0x80, length: 4, to: &out)
        out.append(0x05)
        out.append(0x03)
        out.append(profile.ipAccessVersion)
        out.append(0x01)
        DERWriter.appendHeader(0xA1, length: body.count, to: &out)
        out.append(contentsOf: body)
        return out
    }
}
