/// The part of a record's `payload [2]` element that every IRI and every CC shares (TS 102 232-1):
///
///     payload [2] { iRIPayloadSequence [0] { IRIPayload { iRIType [0], iRIContents [2] { <alternative> } } } }
///     payload [2] { cCPayloadSequence [1] { CCPayload { payloadDirection [0], cCContents [2] { <alternative> } } } }
///
/// The payload writers (IPCC, IPIRI, IPMMCC, IPMMIRI) write these headers, then their own alternative element
/// (`alternativeLength` bytes, its tag included).
enum PayloadEnvelope {
    /// The `iRIPayloadSequence [0]` tag.
    static let iriSequence: UInt8 = 0xA0
    /// The `cCPayloadSequence [1]` tag.
    static let ccSequence: UInt8 = 0xA1

    /// Bytes of the whole payload element around an alternative of `alternativeLength` bytes.
    static func encodedLength(alternativeLength: Int) -> Int {
        DERWriter.elementLength(contentLength: Lengths(alternativeLength).payloadContent)
    }

    /// Writes the headers up to the alternative; `leadingValue` is the iRIType or the payloadDirection.
    static func writeHeaders(sequence tag: UInt8, leadingValue: Int, alternativeLength: Int, into out: inout [UInt8]) {
        let lengths = Lengths(alternativeLength)
        DERWriter.appendHeader(0xA2, length: lengths.payloadContent, to: &out)
        DERWriter.appendHeader(tag, length: lengths.sequenceContent, to: &out)
        DERWriter.appendHeader(0x30, length: lengths.itemContent, to: &out)
        out.append(0x80)
        out.append(0x01)
        out.append(UInt8(truncatingIfNeeded: leadingValue))
        DERWriter.appendHeader(0xA2, length: alternativeLength, to: &out)
    }

    private struct Lengths {
        let itemContent: Int
        let sequenceContent: Int
        let payloadContent: Int

        init(_ alternativeLength: Int) {
            itemContent = 3 + DERWriter.elementLength(contentLength: alternativeLength)
            sequenceContent = DERWriter.elementLength(contentLength: itemContent)
            payloadContent = DERWriter.elementLength(contentLength: sequenceContent)
        }
    }
}
