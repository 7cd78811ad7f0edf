/// The `CC-PDU` of Eps-HI3-PS (r12) and Umts-HI3-PS (r7), which the typed mobile CC alternatives carry: a ULIC header,
/// then the intercepted packet.
///
/// ```asn1
/// CC-PDU ::= SEQUENCE {
///     uLIC-header [1] ULIC-header,                           -- a1
///     payload [2] OCTET STRING }                             -- 82: the inner IP packet, GTP-U header stripped
/// ULIC-header ::= SEQUENCE {
///     hi3DomainId [0] OBJECT IDENTIFIER,                     -- 80 08
///     version [1] Version,                                   -- 81 01 08 (lastVersion): Umts-HI3-PS only
///     lIID [2] LawfulInterceptionIdentifier OPTIONAL,        -- 82: always sent
///     correlation-Number [3] GPRSCorrelationNumber,          -- 83: the CIN's digits (EPS: EPSCorrelationNumber)
///     timeStamp [4] TimeStamp OPTIONAL,                      -- a4 0f 81 0d: utcTime, always sent
///     sequence-number [5] INTEGER (0..65535),                -- 85: the G-PDU's GTP-U sequence number, 0 if none
///     t-PDU-direction [6] TPDU-direction,                    -- 86 01: from-target(1), to-target(2), unknown(3)
///     ..., national-HI3-ASN1parameters [7] ..., ice-type [8] ... }      -- not sent (OpenLI sends neither)
/// ```
///
/// Every length is computed before anything is written, so a record is written straight into the caller's buffer.
struct ULICHeader {
    /// The `hi3DomainId` content (8 octets).
    let domainId: [UInt8]
    /// `version`, or nil for Eps-HI3-PS, which has no such field.
    let version: UInt8?
    /// The LIID's octets (at most 25).
    let liid: Substring.UTF8View
    /// The session's CIN.
    let correlationNumber: UInt32
    /// The G-PDU's sequence number.
    let sequenceNumber: UInt16
    /// The payload direction.
    let direction: PayloadDirection

    /// The content length of `uLIC-header`.
    var contentLength: Int {
        2 + ETSIProfile.mobileDomainIdLength + (version == nil ? 0 : 3)
            + DERWriter.elementLength(contentLength: liid.count)
            + DERWriter.elementLength(contentLength: MobileCorrelationNumber.length(correlationNumber))
            + DERWriter.elementLength(contentLength: Timestamp.timeStampElementLength)
            + DERWriter.integerElementLength(UInt64(sequenceNumber)) + 3
    }

    /// The content length of the `CC-PDU` carrying `packetLength` octets.
    func pduContentLength(packetLength: Int) -> Int {
        DERWriter.elementLength(contentLength: contentLength) + DERWriter.elementLength(contentLength: packetLength)
    }

    /// The size of the whole `payload [2]` element when the CC-PDU carries `packetLength` octets.
    func payloadLength(packetLength: Int) -> Int {
        PayloadEnvelope.encodedLength(
            alternativeLength: DERWriter.elementLength(contentLength: pduContentLength(packetLength: packetLength))
        )
    }

    /// Appends the `payload [2]` element: the CC envelope, `alternative` (the CC-PDU's tag), the header and the packet.
    func write(alternative: UInt8, time: Timestamp, packet: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let header = contentLength
        let pdu = DERWriter.elementLength(contentLength: header) + DERWriter.elementLength(contentLength: packet.count)
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.ccSequence,
            leadingValue: direction.rawValue,
            alternativeLength: DERWriter.elementLength(contentLength: pdu),
            into: &out
        )
        DERWriter.appendHeader(alternative, length: pdu, to: &out)
        DERWriter.appendHeader(0xA1, length: header, to: &out)
        DERWriter.appendOctets(.context(0), domainId, to: &out)
        if let version {
            out.append(0x81)
            out.append(0x01)
            out.append(version)
        }
        DERWriter.appendOctets(.context(2), liid, to: &out)
        DERWriter.appendHeader(.context(3), length: MobileCorrelationNumber.length(correlationNumber), to: &out)
        MobileCorrelationNumber.append(correlationNumber, to: &out)
        DERWriter.appendHeader(0xA4, length: Timestamp.timeStampElementLength, to: &out)
        time.appendTimeStamp(to: &out)
        DERWriter.appendInteger(.context(5), UInt64(sequenceNumber), to: &out)
        out.append(0x86)
        out.append(0x01)
        out.append(tpduDirection)
        DERWriter.appendHeader(0x82, length: packet.count, to: &out)
        out.append(contentsOf: packet)
    }

    /// `TPDU-direction` for the payload direction.
    private var tpduDirection: UInt8 {
        switch direction {
        case .fromTarget: 1
        case .toTarget: 2
        default: 3
        }
    }
}
