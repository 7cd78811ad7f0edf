import Crypto
import Foundation

/// The key that signs integrity checks: ECDSA P-256 or P-384, or Ed25519, read from a PEM file when a run starts
/// (never stored, never logged).
///
/// Sendable: an immutable key value (swift-crypto does not mark its keys Sendable on Linux).
public struct IntegritySigningKey: @unchecked Sendable {
    private enum Key {
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    private let key: Key

    /// A key from a PEM file's text: `PRIVATE KEY` (PKCS#8: P-256, P-384 or Ed25519) or `EC PRIVATE KEY` (SEC 1).
    public init(pem: String) throws(ProtectionKeyError) {
        let block = try PEMBlock(firstKeyIn: pem)
        if let octets = block.ed25519Octets(after: PEMBlock.ed25519PrivatePrefix),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: octets)
        {
            self.key = .ed25519(key)
        } else if let key = try? P256.Signing.PrivateKey(pemRepresentation: block.text) {
            self.key = .p256(key)
        } else if let key = try? P384.Signing.PrivateKey(pemRepresentation: block.text) {
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

    /// `ECDSA P-256`, `ECDSA P-384` or `Ed25519`.
    public var kind: String {
        switch key {
        case .p256: "ECDSA P-256"
        case .p384: "ECDSA P-384"
        case .ed25519: "Ed25519"
        }
    }

    /// The key that verifies this key's signatures.
    public var verifyingKey: IntegrityVerifyingKey {
        switch key {
        case .p256(let key): IntegrityVerifyingKey(p256: key.publicKey)
        case .p384(let key): IntegrityVerifyingKey(p384: key.publicKey)
        case .ed25519(let key): IntegrityVerifyingKey(ed25519: key.publicKey)
        }
    }

    /// Signs a digest: ECDSA signs it as a digest (DER `ECDSA-Sig-Value`), Ed25519 signs its octets (64 octets).
    public func sign(_ digest: IntegrityDigest) throws(IntegritySigningError) -> [UInt8] {
        do {
            switch (key, digest) {
            case (.p256(let key), .sha256(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.p256(let key), .sha384(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.p256(let key), .sha512(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.p384(let key), .sha256(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.p384(let key), .sha384(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.p384(let key), .sha512(let digest)): return Array(try key.signature(for: digest).derRepresentation)
            case (.ed25519(let key), _): return Array(try key.signature(for: Data(digest.octets)))
            }
        } catch {
            throw IntegritySigningError(message: String(describing: error))
        }
    }
}

/// A signature could not be made (never expected with a key that loaded).
public struct IntegritySigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the signing library said.
    public var message: String

    public var description: String { "signing an integrity check failed: \(message)" }
}
