/// The payload element of an IPCC record (TS 102 232-1 and TS 102 232-3):
///
/// ```asn1
/// payload [2] Payload                               -- a2: CHOICE, so explicit
///   cCPayloadSequence [1] SEQUENCE OF CCPayload     -- a1
///     CCPayload ::= SEQUENCE {                      -- 30
///       payloadDirection [0] PayloadDirection,      -- 80
///       cCContents [2] CCContents }                 -- a2: CHOICE, explicit
///         iPCC [2] IPCC                             -- a2
///           IPCC ::= SEQUENCE { iPCCObjId [0] RELATIVE-OID,              -- 80 04 05 03 v 02
///                               iPCCContents [1] IPCCContents }          -- a1: CHOICE, explicit
///             iPPackets [0] OCTET STRING                                 -- 80
/// ```
///
/// Built where the packet is (a shard); appends to a reused buffer and allocates nothing when the buffer has the
/// capacity of ``encodedLength(ipPacketLength:)``.
public enum IPCCPayload {
    /// The size of the element ``write(profile:direction:ipPacket:into:)`` appends (the same for both profiles).
    public static func encodedLength(ipPacketLength: Int) -> Int {
        PayloadEnvelope.encodedLength(alternativeLength: Lengths(ipPacketLength: ipPacketLength).ipccElement)
    }

    /// Appends the `payload [2]` element carrying `ipPacket` to `out`.
    public static func write(
        profile: ETSIProfile,
        direction: PayloadDirection,
        ipPacket: UnsafeRawBufferPointer,
        into out: inout [UInt8]
    ) {
        let lengths = Lengths(ipPacketLength: ipPacket.count)
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.ccSequence,
            leadingValue: direction.rawValue,
            alternativeLength: lengths.ipccElement,
            into: &out
        )
        DERWriter.appendHeader(0xA2, length: lengths.ipccContent, to: &out)
        out.append(0x80)
        out.append(0x04)
        out.append(0x05)
        out.append(0x03)
        out.append(profile.ipAccessVersion)
        out.append(0x02)
        DERWriter.appendHeader(0xA1, length: lengths.packetElement, to: &out)
        DERWriter.appendHeader(0x80, length: ipPacket.count, to: &out)
        out.append(contentsOf: ipPacket)
    }

    /// The sizes of the nested elements, innermost first (`...Content`: value octets; `...Element`: whole element).
    private struct Lengths {
        let packetElement: Int
        let ipccContent: Int
        let ipccElement: Int

        init(ipPacketLength: Int) {
            packetElement = DERWriter.elementLength(contentLength: ipPacketLength)
            ipccContent = 6 + DERWriter.elementLength(contentLength: packetElement)
            ipccElement = DERWriter.elementLength(contentLength: ipccContent)
        }
    }
}
