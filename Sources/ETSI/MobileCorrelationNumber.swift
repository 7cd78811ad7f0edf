/// The correlation number that ties a mobile session's IRIs to its CCs: `gPRSCorrelationNumber [18]` and
/// `ePSCorrelationNumber [18]` in the IRI, `correlation-Number [3]` in the ULIC header of each CC.
///
/// ```asn1
/// GPRSCorrelationNumber ::= OCTET STRING (SIZE(8..20))     -- UmtsHI2Operations
/// EPSCorrelationNumber ::= OCTET STRING                    -- EpsHI2Operations: "(8..20)" for PS interception
/// ```
///
/// It is the session's CIN written in decimal ASCII (CIN 439041101 gives `"439041101"`), with leading zeros up to the
/// 8 octets the modules require (CIN 7 gives `"00000007"`). A `UInt32` has at most 10 digits.
enum MobileCorrelationNumber {
    /// The fewest octets the modules allow.
    static let minimumDigits = 8

    /// The content length for `cin`.
    static func length(_ cin: UInt32) -> Int {
        var digits = 1
        var rest = cin / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return max(digits, minimumDigits)
    }

    /// Appends the content octets for `cin` (no allocation beyond `out`).
    static func append(_ cin: UInt32, to out: inout [UInt8]) {
        var divisor: UInt32 = 1
        for _ in 1..<length(cin) {
            divisor *= 10
        }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: cin / divisor % 10))
            divisor /= 10
        }
    }
}
