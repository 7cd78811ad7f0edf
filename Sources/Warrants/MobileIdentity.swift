/// A subscriber identity a mobile warrant names, as digits: an IMSI (6-15), an MSISDN (6-15, with country code, a
/// leading `+` dropped) or an IMEI (14-16: IMEI or IMEISV). Matched exactly against the digits decoded from GTP's
/// TBCD identity elements.
public enum MobileIdentity: Sendable, Hashable, CustomStringConvertible {
    /// International Mobile Subscriber Identity.
    case imsi(String)
    /// The subscriber's telephone number in international form, without `+`.
    case msisdn(String)
    /// International Mobile Equipment Identity (or IMEISV).
    case imei(String)

    /// An `--imsi` value: 6-15 digits.
    public init?(imsi text: String) {
        guard Self.isDigits(text, 6...15) else { return nil }
        self = .imsi(text)
    }

    /// An `--msisdn` value: 6-15 digits, a leading `+` accepted and dropped.
    public init?(msisdn text: String) {
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard Self.isDigits(digits, 6...15) else { return nil }
        self = .msisdn(digits)
    }

    /// An `--imei` value: 14-16 digits.
    public init?(imei text: String) {
        guard Self.isDigits(text, 14...16) else { return nil }
        self = .imei(text)
    }

    /// The kind's name, as flags, rows and listings write it: `imsi`, `msisdn` or `imei`.
    public var kind: String {
        switch self {
        case .imsi: "imsi"
        case .msisdn: "msisdn"
        case .imei: "imei"
        }
    }

    /// The digits.
    public var digits: String {
        switch self {
        case .imsi(let digits), .msisdn(let digits), .imei(let digits): digits
        }
    }

    /// `kind:digits`, e.g. `imsi:001011234500017`.
    public var description: String { "\(kind):\(digits)" }

    private static func isDigits(_ text: String, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
