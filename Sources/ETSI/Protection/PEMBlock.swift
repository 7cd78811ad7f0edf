import Foundation

/// One `-----BEGIN label-----` ... `-----END label-----` block of a PEM file.
struct PEMBlock {
    /// The label, e.g. `PRIVATE KEY`, `EC PRIVATE KEY`, `PUBLIC KEY`.
    var label: String
    /// The decoded DER.
    var der: [UInt8]
    /// The block's text, begin and end lines included.
    var text: String

    /// The first block of `text` whose label is not `EC PARAMETERS` (which OpenSSL may write before a key).
    init(firstKeyIn text: String) throws(ProtectionKeyError) {
        var remaining = Substring(text)
        while let begin = remaining.range(of: "-----BEGIN ") {
            let afterBegin = remaining[begin.upperBound...]
            guard let labelEnd = afterBegin.range(of: "-----") else { break }
            let label = String(afterBegin[..<labelEnd.lowerBound])
            let endMarker = "-----END \(label)-----"
            guard let end = afterBegin.range(of: endMarker) else { break }
            let body = afterBegin[labelEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
            remaining = afterBegin[end.upperBound...]
            if label == "EC PARAMETERS" { continue }
            guard let der = Data(base64Encoded: String(body)) else { throw .notPEM }
            self.label = label
            self.der = Array(der)
            self.text = "-----BEGIN \(label)-----\n" + Self.wrapped(String(body)) + "\n" + endMarker + "\n"
            return
        }
        throw .notPEM
    }

    private static func wrapped(_ base64: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(rest.prefix(64))
            rest = rest.dropFirst(64)
        }
        return lines.joined(separator: "\n")
    }

    /// The DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), before the 32 key octets.
    static let ed25519PrivatePrefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key octets.
    static let ed25519PublicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The 32 key octets when `der` is an Ed25519 key with `prefix`.
    func ed25519Octets(after prefix: [UInt8]) -> [UInt8]? {
        guard der.count == prefix.count + 32, der.starts(with: prefix) else { return nil }
        return Array(der.dropFirst(prefix.count))
    }
}
