/// A minimal DER reader for PS-PDUs: splits a stream into records and reads a record's header fields back.
///
/// Used by tests, the record summary and the built-in LEMF. It reads what ``PSPDUSummary`` holds. Every failure is a
/// ``DERError``; no input traps. By default the whole record must be DER, checked against the ASN.1 of the record
/// kinds we send (see ``summarize(_:lenient:)``); `lenient` reads only the summary's fields and also accepts
/// non-minimal long-form lengths, as OpenLI writes them.
public enum PSPDUReader {
    /// Splits a byte stream of concatenated PS-PDUs: the length of the first whole record, or nil if more bytes are
    /// needed to know it or to hold it.
    public static func recordLength(
        in bytes: UnsafeRawBufferPointer,
        lenient: Bool = false
    ) throws(DERError) -> Int? {
        guard let header = try DERCursor.header(in: bytes, from: 0, end: bytes.count, lenient: lenient) else {
            return nil
        }
        guard header.identifier == 0x30 else {
            throw .unexpectedTag(header.identifier)
        }
        let total = header.headerLength + header.valueLength
        return total <= bytes.count ? total : nil
    }

    /// Reads the header fields and the payload kind of one whole PS-PDU.
    ///
    /// Unless `lenient`, the whole record is checked as `etsi-decode --check` checks it (apart from sequence
    /// numbers): minimal lengths and tags everywhere, no bytes left over inside any element, no constructed strings;
    /// and for the PS header, IRI, CC, TRI and HI1 payloads and the IP access types, fields known, in order and
    /// present when mandatory, minimal INTEGERs, defined ENUMERATED values, DER BOOLEAN, NULL, OBJECT IDENTIFIER,
    /// string and time forms. Payloads of other specifications (IP multimedia, email, UMTS, ...) get the structural
    /// checks only.
    public static func summarize(
        _ record: UnsafeRawBufferPointer,
        lenient: Bool = false
    ) throws(DERError) -> PSPDUSummary {
        var (headerElement, fields) = try openPDU(record, lenient: lenient)
        guard let payload = try fields.next() else {
            throw .missingElement(0xA2)
        }
        guard payload.identifier == 0xA2 else {
            throw .unexpectedTag(payload.identifier)
        }
        var summary = try readHeader(fields.children(of: headerElement), length: record.count)
        try readPayload(fields.children(of: payload), into: &summary)
        if !lenient {
            try DERValidator.validate(record)
        }
        return summary
    }

    /// Opens one PS-PDU: its outer SEQUENCE, which must fill `record`, and its pSHeader [1]. Returns the header
    /// and a cursor over the fields after it.
    static func openPDU(
        _ record: UnsafeRawBufferPointer,
        lenient: Bool
    ) throws(DERError) -> (
        header: DERElement, fields: DERCursor
    ) {
        var outer = DERCursor(record, lenient: lenient)
        guard let pdu = try outer.next() else {
            throw .truncated
        }
        guard pdu.identifier == 0x30 else {
            throw .unexpectedTag(pdu.identifier)
        }
        guard outer.isAtEnd else {
            throw .trailingBytes
        }
        var fields = outer.children(of: pdu)
        guard let header = try fields.next() else {
            throw .missingElement(0xA1)
        }
        guard header.identifier == 0xA1 else {
            throw .unexpectedTag(header.identifier)
        }
        return (header, fields)
    }

    private static func readHeader(_ header: DERCursor, length: Int) throws(DERError) -> PSPDUSummary {
        var cursor = header
        var domainID: String?
        var liid: String?
        var cin: UInt32?
        var sequence: UInt64?
        var microTime: Timestamp?
        var generalTime: Timestamp?
        while let element = try cursor.next() {
            switch element.identifier {
            case 0x80:
                domainID = dottedObjectIdentifier(cursor.value(of: element))
            case 0x81:
                liid = String(decoding: cursor.value(of: element), as: UTF8.self)
            case 0xA3:
                cin = try readCIN(cursor.children(of: element))
            case 0x84:
                sequence = try cursor.unsigned(element)
            case 0x85:
                generalTime = try Timestamp(generalizedTime: cursor.value(of: element))
            case 0xA7:
                microTime = try readMicroSecondTimeStamp(cursor.children(of: element))
            default:
                continue
            }
        }
        guard let domainID else {
            throw .missingElement(0x80)
        }
        guard let liid else {
            throw .missingElement(0x81)
        }
        guard let sequence else {
            throw .missingElement(0x84)
        }
        var summary = PSPDUSummary(
            length: length,
            liid: liid,
            domainID: domainID,
            cin: cin,
            sequence: sequence,
            kind: .other(0)
        )
        summary.time = microTime ?? generalTime
        return summary
    }

    private static func readCIN(_ identifier: DERCursor) throws(DERError) -> UInt32? {
        var cursor = identifier
        while let element = try cursor.next() {
            if element.identifier == 0x81 {
                let value = try cursor.unsigned(element)
                guard value <= UInt64(UInt32.max) else {
                    throw .integerOverflow
                }
                return UInt32(value)
            }
        }
        return nil
    }

    private static func readMicroSecondTimeStamp(_ stamp: DERCursor) throws(DERError) -> Timestamp {
        var cursor = stamp
        var seconds: UInt64?
        var micros: UInt64?
        while let element = try cursor.next() {
            if element.identifier == 0x80 {
                seconds = try cursor.unsigned(element)
            } else if element.identifier == 0x81 {
                micros = try cursor.unsigned(element)
            }
        }
        guard let seconds else {
            throw .missingElement(0x80)
        }
        guard let micros else {
            throw .missingElement(0x81)
        }
        guard seconds <= UInt64(Int64.max), micros < 1_000_000 else {
            throw .integerOverflow
        }
        return Timestamp(seconds: Int64(seconds), microseconds: Int32(micros))
    }
}
