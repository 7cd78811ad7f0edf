/// Why a payload encryption key or an integrity signing or verification key could not be used.
public enum ProtectionKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An encryption key that is not 24 octets (given: how many it has).
    case encryptionKeyLength(Int)
    /// A PEM file without a `-----BEGIN ...-----` block, or whose base64 does not decode.
    case notPEM
    /// A PEM key of a kind that cannot sign or verify integrity checks (given: the PEM label).
    case unsupportedKey(String)

    public var description: String {
        switch self {
        case .encryptionKeyLength(let count):
            "an AES-192 key is 24 octets (48 hexadecimal digits or 24 raw octets); this one has \(count)"
        case .notPEM:
            "not a PEM key (no -----BEGIN ...----- block with valid base64)"
        case .unsupportedKey(let label):
            "a \(label) that is not an ECDSA P-256 or P-384 or an Ed25519 key"
        }
    }
}
