/// A party a VoIP warrant names: a SIP user (at one host or any host) or a telephone number (exact or by suffix).
///
/// Stored and shown as text: `sip:alice@example.net`, `sip:alice@*` (any host), `tel:+643257781`, `tel:*3257781`
/// (any number ending in those digits, so it matches +643257781 and 00643257781).
public enum VoIPTarget: Sendable, Hashable, CustomStringConvertible {
    /// A SIP or SIPS user part (compared exactly) at `host` (lower case), or at any host when `host` is nil.
    case sip(user: String, host: String?)
    /// A telephone number: digits with an optional leading `+`; with `suffix`, digits a number must end with.
    case tel(number: String, suffix: Bool)

    /// Parses a `--sip-uri` value: `sip:` or `sips:`, a user, `@`, and a host or `*`. URI parameters and headers
    /// (`;...`, `?...`) are not part of an identity and are refused, as are passwords.
    public init?(sipURI text: String) {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("sip:") {
            rest = text.dropFirst(4)
        } else if lowered.hasPrefix("sips:") {
            rest = text.dropFirst(5)
        } else {
            return nil
        }
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let user = rest[..<at]
        let host = rest[rest.index(after: at)...]
        guard !user.isEmpty, user.utf8.count <= 128, user.utf8.allSatisfy(Self.isUserByte) else { return nil }
        if host == "*" {
            self = .sip(user: String(user), host: nil)
            return
        }
        guard !host.isEmpty, host.utf8.count <= 255, host.utf8.allSatisfy(Self.isHostByte) else { return nil }
        self = .sip(user: String(user), host: host.lowercased())
    }

    /// Parses a `--tel` value: an optional `tel:`, then `+digits`, `digits` or `*digits` (a suffix), with visual
    /// separators (`-`, `.`, `(`, `)`, space) ignored; 3 to 32 digits.
    public init?(telNumber text: String) {
        var body = Substring(text)
        if body.lowercased().hasPrefix("tel:") { body = body.dropFirst(4) }
        var suffix = false
        var number = ""
        for (position, character) in body.enumerated() {
            switch character {
            case "-", ".", "(", ")", " ":
                continue
            case "*" where position == 0:
                suffix = true
            case "+" where position == 0:
                number.append(character)
            case "0"..."9":
                number.append(character)
            default:
                return nil
            }
        }
        let digits = number.utf8.count - (number.hasPrefix("+") ? 1 : 0)
        guard (3...32).contains(digits), !(suffix && number.hasPrefix("+")) else { return nil }
        self = .tel(number: number, suffix: suffix)
    }

    /// Parses the stored text (``description``) back.
    public init?(stored text: String) {
        if text.hasPrefix("tel:") {
            self.init(telNumber: text)
        } else {
            self.init(sipURI: text)
        }
    }

    /// The canonical text, as stored and shown.
    public var description: String {
        switch self {
        case .sip(let user, let host): "sip:\(user)@\(host ?? "*")"
        case .tel(let number, let suffix): "tel:\(suffix ? "*" : "")\(number)"
        }
    }

    /// Whether a party seen in SIP is this target. `user` and `host` are those of a sip/sips URI (host lower case)
    /// or, for a tel URI, the number with `host` nil. A SIP URI whose user part is a telephone number (digits,
    /// optionally `+` and visual separators) also matches a tel target.
    public func matches(user: String?, host: String?) -> Bool {
        guard let user else { return false }
        switch self {
        case .sip(let targetUser, let targetHost):
            guard let host, user == targetUser else { return false }
            return targetHost == nil || targetHost == host
        case .tel(let number, let suffix):
            guard let seen = Self.telephoneNumber(user) else { return false }
            if suffix { return Self.digits(of: seen).hasSuffix(number) }
            return seen == number || Self.international(seen) == Self.international(number)
        }
    }

    /// The number in a user part: digits with an optional leading `+`, visual separators removed; nil when the
    /// user part is not a telephone number.
    public static func telephoneNumber(_ user: String) -> String? {
        var number = ""
        for (position, character) in user.enumerated() {
            switch character {
            case "-", ".", "(", ")": continue
            case "+" where position == 0: number.append(character)
            case "0"..."9": number.append(character)
            default: return nil
            }
        }
        return number.contains(where: \.isNumber) ? number : nil
    }

    /// The number with an international `00` prefix written as `+`, so +64... and 0064... compare equal.
    private static func international(_ number: String) -> String {
        number.hasPrefix("00") ? "+" + number.dropFirst(2) : number
    }

    private static func digits(of number: String) -> String {
        number.hasPrefix("+") ? String(number.dropFirst()) : number
    }

    /// Unreserved and escaped characters of a SIP user part (RFC 3261 `user`), without `@`, `;`, `?` or `:`.
    private static func isUserByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("-_.!~*'()%&=+$,/".utf8).contains(byte)
        }
    }

    /// Characters of a host name, an IPv4 address or a bracketed IPv6 reference.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }
}
