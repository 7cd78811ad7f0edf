/// The subject of an X.509 certificate as text (`C=NZ, O=Agency, CN=lemf`), read from its DER encoding:
///
/// ```asn1
/// Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, ... }
/// TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, serialNumber INTEGER,
///     signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name, ... }
/// Name ::= SEQUENCE OF SET OF SEQUENCE { type OBJECT IDENTIFIER, value ANY }
/// ```
///
/// Attributes appear in the certificate's order; well-known types by their short names, others dotted; string
/// values as text, anything else as `#` and hex.
public enum LEMFCertificateSubject {
    /// The subject of the certificate `der`, or nil when the encoding cannot be read.
    public static func text(ofCertificate der: [UInt8]) -> String? {
        let all = der[...]
        guard let certificate = LEMFTLV.first(all), certificate.tag == 0x30,
            let tbs = LEMFTLV.first(all[certificate.value]), tbs.tag == 0x30
        else {
            return nil
        }
        var fields: [(tag: UInt8, value: Range<Int>)] = []
        var rest = all[tbs.value]
        while let field = LEMFTLV.first(rest) {
            fields.append((field.tag, field.value))
            rest = all[field.end..<rest.endIndex]
        }
        let skip = fields.first?.tag == 0xA0 ? 1 : 0
        guard fields.count >= skip + 5, fields[skip + 4].tag == 0x30 else {
            return nil
        }
        return name(all[fields[skip + 4].value])
    }

    private static func name(_ sequence: ArraySlice<UInt8>) -> String? {
        var parts: [String] = []
        var rest = sequence
        while let set = LEMFTLV.first(rest) {
            guard set.tag == 0x31 else {
                return nil
            }
            var members = rest[set.value]
            while let attribute = LEMFTLV.first(members) {
                guard attribute.tag == 0x30, let type = LEMFTLV.first(members[attribute.value]), type.tag == 0x06,
                    let value = LEMFTLV.first(members[type.end..<attribute.value.upperBound])
                else {
                    return nil
                }
                parts.append(label(members[type.value]) + "=" + text(value.tag, members[value.value]))
                members = members[attribute.end..<members.endIndex]
            }
            rest = rest[set.end..<rest.endIndex]
        }
        return parts.joined(separator: ", ")
    }

    private static func label(_ oid: ArraySlice<UInt8>) -> String {
        if oid.count == 3, oid.first == 0x55, oid.dropFirst().first == 0x04, let last = oid.last,
            let short = shortNames[last]
        {
            return short
        }
        if oid.elementsEqual([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01]) {
            return "emailAddress"
        }
        var arcs: [String] = []
        var value: UInt64 = 0
        for byte in oid {
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                if arcs.isEmpty {
                    let first: UInt64 = value < 40 ? 0 : (value < 80 ? 1 : 2)
                    arcs.append(String(first))
                    arcs.append(String(value - first * 40))
                } else {
                    arcs.append(String(value))
                }
                value = 0
            }
        }
        return arcs.joined(separator: ".")
    }

    private static let shortNames: [UInt8: String] = [
        3: "CN", 5: "serialNumber", 6: "C", 7: "L", 8: "ST", 10: "O", 11: "OU",
    ]

    private static func text(_ tag: UInt8, _ value: ArraySlice<UInt8>) -> String {
        switch tag {
        case 0x0C, 0x13, 0x16, 0x14:
            return String(decoding: value, as: UTF8.self)
        default:
            let digits = Array("0123456789abcdef")
            return "#" + String(value.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
        }
    }
}
