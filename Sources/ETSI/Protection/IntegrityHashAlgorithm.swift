import Crypto

/// The hash function of integrity checks (TS 102 232-1 `HashAlgorithm`; SHA-1 is for legacy use only and not
/// offered).
public enum IntegrityHashAlgorithm: UInt8, Sendable, Equatable, CaseIterable {
    /// sHA-256(2).
    case sha256 = 2
    /// sHA-384(3).
    case sha384 = 3
    /// sHA-512(4).
    case sha512 = 4

    /// The name used on the command line and in the store: `sha256`, `sha384`, `sha512`.
    public var name: String {
        switch self {
        case .sha256: "sha256"
        case .sha384: "sha384"
        case .sha512: "sha512"
        }
    }

    /// The algorithm named `name`, or nil.
    public init?(name: String) {
        guard let algorithm = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = algorithm
    }
}

/// A running hash of one of the ``IntegrityHashAlgorithm``s.
///
/// Sendable: a value whose state is a copyable hash state (swift-crypto does not mark it Sendable on Linux).
public struct IntegrityHasher: @unchecked Sendable {
    private enum State {
        case sha256(SHA256)
        case sha384(SHA384)
        case sha512(SHA512)
    }

    private var state: State
    /// The algorithm.
    public let algorithm: IntegrityHashAlgorithm

    /// A fresh hash.
    public init(_ algorithm: IntegrityHashAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        case .sha512: state = .sha512(SHA512())
        }
    }

    /// Adds octets.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .sha256(var hash):
            hash.update(bufferPointer: bytes)
            state = .sha256(hash)
        case .sha384(var hash):
            hash.update(bufferPointer: bytes)
            state = .sha384(hash)
        case .sha512(var hash):
            hash.update(bufferPointer: bytes)
            state = .sha512(hash)
        }
    }

    /// Adds octets.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The digest of everything added; the hasher starts again empty.
    public mutating func finalize() -> IntegrityDigest {
        let digest: IntegrityDigest
        switch state {
        case .sha256(let hash): digest = .sha256(hash.finalize())
        case .sha384(let hash): digest = .sha384(hash.finalize())
        case .sha512(let hash): digest = .sha512(hash.finalize())
        }
        self = IntegrityHasher(algorithm)
        return digest
    }
}

/// A finished digest, kept with its type so that ECDSA signs it as a digest (not hashing it again).
///
/// Sendable: immutable digest octets (swift-crypto does not mark its digests Sendable on Linux).
public enum IntegrityDigest: @unchecked Sendable, Equatable {
    /// A SHA-256 digest.
    case sha256(SHA256Digest)
    /// A SHA-384 digest.
    case sha384(SHA384Digest)
    /// A SHA-512 digest.
    case sha512(SHA512Digest)

    /// The digest's octets.
    public var octets: [UInt8] {
        switch self {
        case .sha256(let digest): Array(digest)
        case .sha384(let digest): Array(digest)
        case .sha512(let digest): Array(digest)
        }
    }
}
