import Crypto
import Foundation

/// The public key an LEMF (or `openli-appliance verify`) checks integrity signatures with.
///
/// Sendable: an immutable key value (swift-crypto does not mark its keys Sendable on Linux).
public struct IntegrityVerifyingKey: @unchecked Sendable {
    private enum Key {
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
        case ed25519(Curve25519.Signing.PublicKey)
    }

    private let key: Key

    init(p256: P256.Signing.PublicKey) { key = .p256(p256) }
    init(p384: P384.Signing.PublicKey) { key = .p384(p384) }
    init(ed25519: Curve25519.Signing.PublicKey) { key = .ed25519(ed25519) }

    /// A key from a PEM file's text: a `PUBLIC KEY` (P-256, P-384 or Ed25519), or a private key whose public half
    /// is taken.
    public init(pem: String) throws(ProtectionKeyError) {
        let block = try PEMBlock(firstKeyIn: pem)
        if block.label != "PUBLIC KEY" {
            self = try IntegritySigningKey(pem: pem).verifyingKey
        } else if let octets = block.ed25519Octets(after: PEMBlock.ed25519PublicPrefix),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: octets)
        {
            self.key = .ed25519(key)
        } else if let key = try? P256.Signing.PublicKey(pemRepresentation: block.text) {
            self.key = .p256(key)
        } else if let key = try? P384.Signing.PublicKey(pemRepresentation: block.text) {
            self.key = .p384(key)
        } else {
            throw .unsupportedKey(block.label)
        }
    }

    /// The signature algorithm.
    public var algorithm: IntegritySignatureAlgorithm {
        if case .ed25519 = key { return .eddsa }
        return .ecdsa
    }

    /// The key's algorithm and public key octets in hexadecimal: tells two keys apart without revealing anything.
    public var identity: String {
        let octets: [UInt8]
        switch key {
        case .p256(let key): octets = Array(key.rawRepresentation)
        case .p384(let key): octets = Array(key.rawRepresentation)
        case .ed25519(let key): octets = Array(key.rawRepresentation)
        }
        return "\(algorithm.rawValue):" + octets.map { String($0, radix: 16) }.joined(separator: ".")
    }

    /// Whether `signature` is this key's signature of `digest` (see ``IntegritySigningKey/sign(_:)``).
    public func isValidSignature(_ signature: [UInt8], of digest: IntegrityDigest) -> Bool {
        switch key {
        case .ed25519(let key):
            return key.isValidSignature(Data(signature), for: Data(digest.octets))
        case .p256(let key):
            guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            switch digest {
            case .sha256(let digest): return key.isValidSignature(parsed, for: digest)
            case .sha384(let digest): return key.isValidSignature(parsed, for: digest)
            case .sha512(let digest): return key.isValidSignature(parsed, for: digest)
            }
        case .p384(let key):
            guard let parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            switch digest {
            case .sha256(let digest): return key.isValidSignature(parsed, for: digest)
            case .sha384(let digest): return key.isValidSignature(parsed, for: digest)
            case .sha512(let digest): return key.isValidSignature(parsed, for: digest)
            }
        }
    }
}
