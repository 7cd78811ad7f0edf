/// String helpers for size-constrained ASN.1 string and octet-string fields.
enum DERString {
    /// The UTF-8 octets of the longest prefix of `text` made of whole characters that fits `maxOctets`.
    static func prefix(_ text: String, maxOctets: Int) -> Substring.UTF8View {
        var count = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if count + size > maxOctets {
                break
            }
            count += size
            end = text.index(after: index)
        }
        return text[..<end].utf8
    }

    /// Whether every character is in the PrintableString set (letters, digits, space and `'()+,-./:=?`).
    static func isPrintable(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"),
                UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
                UInt8(ascii: "="), UInt8(ascii: "?"):
                true
            default:
                false
            }
        }
    }

    /// Whether `text` fits `PrintableString (SIZE (2))`.
    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && isPrintable(text)
    }
}
