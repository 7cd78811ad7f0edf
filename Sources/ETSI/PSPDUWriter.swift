/// Assembles whole PS-PDUs (TS 102 232-1):
///
/// ```asn1
/// PS-PDU ::= SEQUENCE { pSHeader [1] PSHeader, payload [2] Payload }
/// MicroSecondTimeStamp ::= SEQUENCE { seconds [0] INTEGER (0..18446744073709551615),
///                                     microSeconds [1] INTEGER (0..999999), ... }
/// ```
///
/// The writer adds the outer SEQUENCE, the header (the template, the CIN, the sequence number, the time and
/// `timeStampQualifier` timeOfInterception) and copies the already-encoded payload element (`a2 ...`). It appends
/// to `out` without clearing it and allocates nothing when `out` has the capacity of ``encodedLength``.
///
/// `sequenceNumber` is `INTEGER (0..4294967295)`: a `sequence` above that is sent modulo 2^32. Times before the
/// epoch are sent as the epoch (`seconds` cannot be negative).
public enum PSPDUWriter {
    /// The size of the PS-PDU that ``write(header:cin:sequence:time:payload:into:)`` appends.
    public static func encodedLength(
        header: PSHeaderTemplate,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payloadLength: Int
    ) -> Int {
        let headerContent = headerContentLength(header, cin: cin, sequence: sequence, time: time)
        return DERWriter.elementLength(
            contentLength: DERWriter.elementLength(contentLength: headerContent) + payloadLength
        )
    }

    /// Appends one PS-PDU: outer SEQUENCE, PSHeader and `payload` (a whole `payload [2]` element).
    public static func write(
        header: PSHeaderTemplate,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payload: UnsafeRawBufferPointer,
        into out: inout [UInt8]
    ) {
        let sequence32 = UInt64(UInt32(truncatingIfNeeded: sequence))
        let headerContent = headerContentLength(header, cin: cin, sequence: sequence, time: time)
        let pduContent = DERWriter.elementLength(contentLength: headerContent) + payload.count
        DERWriter.appendHeader(0x30, length: pduContent, to: &out)
        DERWriter.appendHeader(0xA1, length: headerContent, to: &out)
        out.append(contentsOf: header.leading)
        DERWriter.appendHeader(0xA3, length: communicationIdentifierLength(header, cin: cin), to: &out)
        out.append(contentsOf: header.networkIdentifier)
        DERWriter.appendInteger(.context(1), UInt64(cin), to: &out)
        out.append(contentsOf: header.deliveryCountry)
        DERWriter.appendInteger(.context(4), sequence32, to: &out)
        switch header.timeFormat {
        case .microSecondTimeStamp:
            out.append(contentsOf: header.interceptionPoint)
            DERWriter.appendHeader(0xA7, length: microSecondContentLength(time), to: &out)
            DERWriter.appendInteger(.context(0), time.clampedSeconds, to: &out)
            DERWriter.appendInteger(.context(1), time.clampedMicroseconds, to: &out)
        case .generalizedTime:
            DERWriter.appendHeader(0x85, length: time.generalizedTimeLength, to: &out)
            time.appendGeneralizedTime(to: &out)
            out.append(contentsOf: header.interceptionPoint)
        }
        out.append(contentsOf: timeOfInterception)
        out.append(contentsOf: payload)
    }

    /// `timeStampQualifier [8]` timeOfInterception(1).
    private static let timeOfInterception: [UInt8] = [0x88, 0x01, 0x01]

    private static func communicationIdentifierLength(_ header: PSHeaderTemplate, cin: UInt32) -> Int {
        header.networkIdentifier.count + DERWriter.integerElementLength(UInt64(cin)) + header.deliveryCountry.count
    }

    private static func microSecondContentLength(_ time: Timestamp) -> Int {
        DERWriter.integerElementLength(time.clampedSeconds) + DERWriter.integerElementLength(time.clampedMicroseconds)
    }

    private static func headerContentLength(
        _ header: PSHeaderTemplate,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp
    ) -> Int {
        let timeLength: Int
        switch header.timeFormat {
        case .microSecondTimeStamp:
            timeLength = DERWriter.elementLength(contentLength: microSecondContentLength(time))
        case .generalizedTime:
            timeLength = DERWriter.elementLength(contentLength: time.generalizedTimeLength)
        }
        return header.leading.count
            + DERWriter.elementLength(contentLength: communicationIdentifierLength(header, cin: cin))
            + DERWriter.integerElementLength(UInt64(UInt32(truncatingIfNeeded: sequence)))
            + timeLength
            + header.interceptionPoint.count
            + timeOfInterception.count
    }
}
