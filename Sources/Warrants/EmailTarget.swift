/// A mailbox an email warrant names: `local@domain`, kept with its local part as written and its domain in lower
/// case. Mail is matched case-insensitively on the whole address (``matchKey``), so `Erin@Example.ORG` and
/// `erin@example.org` are the same target.
public struct EmailTarget: Sendable, Hashable, CustomStringConvertible {
    /// The address as stored and shown: the local part as written, `@`, the domain in lower case.
    public let address: String

    /// Parses an `--address` value: one `@`, a local part of 1-64 printable ASCII characters without spaces or the
    /// specials `<>()[]\,;:"`, dots only between other characters (no leading, trailing or doubled dot), and a
    /// domain (``domain(_:)``). Nil when the text is not such an address.
    public init?(address text: String) {
        let parts = text.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return nil }
        guard (1...64).contains(local.count), local.allSatisfy(Self.isLocalByte),
            !local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).contains(where: \.isEmpty),
            let folded = Self.domain(String(decoding: domain, as: UTF8.self))
        else { return nil }
        address = String(decoding: local, as: UTF8.self) + "@" + folded
    }

    /// A mail domain in lower case: dot-separated labels of letters, digits and hyphens (1-63 each, not starting or
    /// ending with a hyphen), 253 characters in all. Nil when the text is not such a domain.
    public static func domain(_ text: String) -> String? {
        guard (1...253).contains(text.utf8.count) else { return nil }
        let labels = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.count), label.allSatisfy(Self.isLabelByte),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return nil }
        }
        return matchKey(of: text)
    }

    /// The form mail is compared in: the whole address in lower case (ASCII).
    public var matchKey: String { Self.matchKey(of: address) }

    /// The comparison form of any address seen on the wire: ASCII letters in lower case.
    public static func matchKey(of address: some StringProtocol) -> String {
        String(decoding: address.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    public var description: String { address }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "\\"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "\""), UInt8(ascii: "@"):
            return false
        default:
            return true
        }
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "-")
    }
}
