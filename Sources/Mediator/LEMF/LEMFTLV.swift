/// A forgiving reader of BER/DER tag-length-value elements with one-octet tags, for reading what the strict
/// ``ETSI/PSPDUReader`` refuses: a certificate's subject, the LIID of a record that is not DER.
enum LEMFTLV {
    /// The first element of `bytes`: its tag octet, the range of its value and where it ends; nil when the octets
    /// do not hold a whole element (or the tag is in the high-tag form).
    static func first(_ bytes: ArraySlice<UInt8>) -> (tag: UInt8, value: Range<Int>, end: Int)? {
        var index = bytes.startIndex
        guard bytes.count >= 2 else {
            return nil
        }
        let tag = bytes[index]
        guard tag & 0x1F != 0x1F else {
            return nil
        }
        index += 1
        let first = bytes[index]
        index += 1
        var length = 0
        if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 4, bytes.endIndex - index >= count else {
                return nil
            }
            for byte in bytes[index..<index + count] {
                length = length << 8 | Int(byte)
            }
            index += count
        }
        guard length <= bytes.endIndex - index else {
            return nil
        }
        return (tag, index..<index + length, index + length)
    }

    /// The `lawfulInterceptionIdentifier [1]` of the `pSHeader [1]` of a PS-PDU, read without checking anything
    /// else.
    static func liid(ofRecord record: ArraySlice<UInt8>) -> String? {
        guard let pdu = first(record), pdu.tag == 0x30, let header = first(record[pdu.value]), header.tag == 0xA1
        else {
            return nil
        }
        var fields = record[header.value]
        while let field = first(fields) {
            if field.tag == 0x81 {
                return String(decoding: record[field.value], as: UTF8.self)
            }
            fields = record[field.end..<fields.endIndex]
        }
        return nil
    }
}
