import Crypto

/// An agency's AES-192 payload encryption key (TS 102 232-1 EncryptionContainer, the ETSI-IP.nl profile).
///
/// A key file holds the 24 key octets either raw or as 48 hexadecimal digits (surrounding whitespace ignored).
/// The store keeps only the file's path and ``fingerprint``; the key itself is read when a run starts.
public struct PayloadEncryptionKey: Sendable, Equatable {
    /// AES-192: 24 octets.
    public static let length = 24

    /// The key octets.
    public let octets: [UInt8]

    /// A key from its 24 octets.
    public init(octets: [UInt8]) throws(ProtectionKeyError) {
        guard octets.count == Self.length else { throw .encryptionKeyLength(octets.count) }
        self.octets = octets
    }

    /// A key from a key file's contents: 48 hexadecimal digits, or exactly 24 raw octets.
    public init(fileContents: [UInt8]) throws(ProtectionKeyError) {
        let trimmed = Self.trimmingWhitespace(fileContents)
        if trimmed.count == 2 * Self.length, let decoded = Self.hexDecoded(trimmed) {
            try self.init(octets: decoded)
        } else if fileContents.count == Self.length {
            try self.init(octets: fileContents)
        } else if trimmed.allSatisfy({ Self.hexValue($0) != nil }) && !trimmed.isEmpty {
            throw .encryptionKeyLength(trimmed.count / 2)
        } else {
            throw .encryptionKeyLength(fileContents.count)
        }
    }

    /// `sha256:` and the hexadecimal SHA-256 of the key: names the key in the store, `agency show` and the audit
    /// log without revealing it.
    public var fingerprint: String {
        "sha256:"
            + SHA256.hash(data: octets).map { byte in Self.hexDigits[Int(byte >> 4)] + Self.hexDigits[Int(byte & 0x0F)]
            }
            .joined()
    }

    private static let hexDigits = (0..<16).map { String($0, radix: 16) }

    private static func trimmingWhitespace(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }

    private static func hexDecoded(_ digits: ArraySlice<UInt8>) -> [UInt8]? {
        var octets: [UInt8] = []
        octets.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            octets.append(high << 4 | low)
            index += 2
        }
        return octets
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
}
