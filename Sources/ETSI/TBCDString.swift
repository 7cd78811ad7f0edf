/// Telephony BCD (3GPP TS 29.002 `TBCD-STRING`), as IMSI, IMEI and MSISDN travel in the HI2 `partyIdentity`:
/// two digits per octet, the first digit in the low nibble, and an odd count padded with the filler `F` in the last
/// high nibble (IMSI 001010123456789 is `00 01 01 21 43 65 87 f9`).
enum TBCDString {
    /// The TBCD octets of `digits`, or nil if `digits` holds anything but ASCII digits or needs more than
    /// `maxOctets` octets or fewer than `minOctets`.
    static func octets(_ digits: String, minOctets: Int, maxOctets: Int) -> [UInt8]? {
        let count = digits.utf8.count
        let octetCount = (count + 1) / 2
        guard count > 0, octetCount >= minOctets, octetCount <= maxOctets else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(octetCount)
        var low: UInt8?
        for character in digits.utf8 {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else {
                return nil
            }
            let digit = character - UInt8(ascii: "0")
            if let first = low {
                out.append(digit << 4 | first)
                low = nil
            } else {
                low = digit
            }
        }
        if let last = low {
            out.append(0xF0 | last)
        }
        return out
    }
}
