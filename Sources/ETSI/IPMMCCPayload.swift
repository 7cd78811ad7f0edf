/// The payload element of an IPMMCC record (TS 102 232-1 and TS 102 232-5):
///
/// ```asn1
/// payload [2] Payload                               -- a2: CHOICE, so explicit
///   cCPayloadSequence [1] SEQUENCE OF CCPayload     -- a1
///     CCPayload ::= SEQUENCE {                      -- 30
///       payloadDirection [0] PayloadDirection,      -- 80
///       cCContents [2] CCContents }                 -- a2: CHOICE, explicit
///         iPMMCC [12] IPMMCC                        -- ac
///           IPMMCC ::= SEQUENCE {
///             iPMMCCObjId [0] RELATIVE-OID,         -- 80 04 05 05 v 02
///             mMCCContents [1] OCTET STRING,        -- 81: one intercepted packet
///             ...,
///             frameType [2] FrameType OPTIONAL,             -- 82
///             streamIdentifier [3] OCTET STRING OPTIONAL,   -- 83
///             mMCCprotocol [4] MMCCprotocol OPTIONAL }      -- 84
/// ```
///
/// frameType and mMCCprotocol are always sent (TS 102 232-5 makes frameType mandatory for new implementations);
/// streamIdentifier only when given. Built where the packet is (a shard); appends to a reused buffer and allocates
/// nothing when the buffer has the capacity of ``encodedLength(frameLength:streamIdentifier:)``.
public enum IPMMCCPayload {
    /// The size of the element ``write(profile:direction:frame:frameType:streamIdentifier:mmccProtocol:into:)``
    /// appends (the same for both profiles).
    public static func encodedLength(frameLength: Int, streamIdentifier: [UInt8]? = nil) -> Int {
        let lengths = Lengths(frameLength: frameLength, streamIdentifierLength: streamIdentifier?.count)
        return PayloadEnvelope.encodedLength(alternativeLength: lengths.ipmmccElement)
    }

    /// Appends the `payload [2]` element carrying `frame` (what `frameType` says: the whole IP packet, the UDP
    /// datagram, the RTP/RTCP packet, ...) to `out`.
    public static func write(
        profile: ETSIProfile,
        direction: PayloadDirection,
        frame: UnsafeRawBufferPointer,
        frameType: IPMMCCFrameType,
        streamIdentifier: [UInt8]? = nil,
        mmccProtocol: IPMMCCProtocol,
        into out: inout [UInt8]
    ) {
        let lengths = Lengths(frameLength: frame.count, streamIdentifierLength: streamIdentifier?.count)
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.ccSequence,
            leadingValue: direction.rawValue,
            alternativeLength: lengths.ipmmccElement,
            into: &out
        )
        DERWriter.appendHeader(0xAC, length: lengths.ipmmccContent, to: &out)
        IPMMObjectIdentifier.append(profile: profile, last: IPMMObjectIdentifier.cc, to: &out)
        DERWriter.appendHeader(0x81, length: frame.count, to: &out)
        out.append(contentsOf: frame)
        out.append(0x82)
        out.append(0x01)
        out.append(UInt8(truncatingIfNeeded: frameType.rawValue))
        if let streamIdentifier {
            DERWriter.appendHeader(0x83, length: streamIdentifier.count, to: &out)
            out.append(contentsOf: streamIdentifier)
        }
        out.append(0x84)
        out.append(0x01)
        out.append(UInt8(truncatingIfNeeded: mmccProtocol.rawValue))
    }

    /// The sizes of the nested elements, innermost first (`...Content`: value octets; `...Element`: whole element).
    private struct Lengths {
        let ipmmccContent: Int
        let ipmmccElement: Int

        init(frameLength: Int, streamIdentifierLength: Int?) {
            let frameElement = DERWriter.elementLength(contentLength: frameLength)
            let streamElement = streamIdentifierLength.map { DERWriter.elementLength(contentLength: $0) } ?? 0
            ipmmccContent = IPMMObjectIdentifier.elementLength + frameElement + 3 + streamElement + 3
            ipmmccElement = DERWriter.elementLength(contentLength: ipmmccContent)
        }
    }
}
