/// The elements around a mobile IRI's `IRI-Parameters`: the IRIPayload (``PayloadEnvelope``), the `iRIContents`
/// alternative (`uMTSIRI [4]` or `ePSIRI [15]`, CHOICEs, so explicit) and its `[0]` (`iRI-Parameters` or
/// `iRI-EPS-Parameters`, implicit: the SEQUENCE's content follows).
enum MobileIRIEnvelope {
    /// The whole `payload [2]` element for the `IRI-Parameters` content `body` under `alternative` (`a4` or `af`).
    static func wrap(_ body: [UInt8], type: IRIType, alternative: UInt8) -> [UInt8] {
        let parameters = DERWriter.elementLength(contentLength: body.count)
        let alternativeLength = DERWriter.elementLength(contentLength: parameters)
        var out: [UInt8] = []
        out.reserveCapacity(PayloadEnvelope.encodedLength(alternativeLength: alternativeLength))
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.iriSequence,
            leadingValue: type.rawValue,
            alternativeLength: alternativeLength,
            into: &out
        )
        DERWriter.appendHeader(alternative, length: parameters, to: &out)
        DERWriter.appendHeader(0xA0, length: body.count, to: &out)
        out.append(contentsOf: body)
        return out
    }
}
