import Collector
import ETSI
import Logging
import Warrants

/// Reads the key files of the agencies a run delivers to and makes their ``AgencyProtection`` (the plan's
/// ``InterceptPlan/protection``): the payload encryption key, whose fingerprint must be the one the store holds,
/// and the integrity signing key.
///
/// Loaded keys are kept by path (and, for encryption keys, fingerprint) with the file's version (device, inode,
/// size, modification time): a plan update re-reads only a file that changed, and a file rewritten in place is
/// noticed. A file that can no longer be looked at (the run dropped privileges) keeps its loaded key. Nothing read
/// is logged: errors name the agency, the path and what is wrong.
struct AgencyProtectionLoader: Sendable {
    /// Why an agency's protection cannot be loaded.
    struct Failure: Error, Sendable, CustomStringConvertible {
        /// The agency.
        var agency: String
        /// What is wrong, naming the file.
        var reason: String

        var description: String { "agency \(agency): \(reason)" }
    }

    private struct Loaded<Key: Sendable>: Sendable {
        var version: AgencyKeyFile.Version
        var key: Key
    }

    private struct EncryptionKeyName: Hashable {
        var path: String
        var fingerprint: String
    }

    private var encryptionKeys: [EncryptionKeyName: Loaded<PayloadEncryptionKey>] = [:]
    private var signingKeys: [String: Loaded<IntegritySigningKey>] = [:]

    /// The protection of each agency that has any, by name; the first agency whose keys cannot be loaded fails.
    mutating func protections(for agencies: [Agency]) throws(Failure) -> [String: AgencyProtection] {
        var result: [String: AgencyProtection] = [:]
        for agency in agencies {
            result[agency.name] = try protection(for: agency)
        }
        return result
    }

    /// The protection after the store changed. An agency whose new keys cannot be loaded keeps the protection it
    /// had (logged as an error); one that had none fails: its records must not go out unprotected.
    mutating func updated(
        _ previous: [String: AgencyProtection],
        agencies: [Agency],
        logger: Logger
    ) throws(Failure) -> [String: AgencyProtection] {
        var result: [String: AgencyProtection] = [:]
        for agency in agencies {
            do {
                result[agency.name] = try protection(for: agency)
            } catch {
                guard let kept = previous[agency.name] else { throw error }
                logger.error(
                    "run: \(error.description); the agency keeps its previous encryption and integrity settings",
                    metadata: ["li.agency": "\(agency.name)"]
                )
                result[agency.name] = kept
            }
        }
        return result
    }

    /// The protection of one agency, nil when it has neither encryption nor integrity checks.
    mutating func protection(for agency: Agency) throws(Failure) -> AgencyProtection? {
        guard agency.encryption != nil || agency.integrity != nil else { return nil }
        var protection = AgencyProtection()
        if let encryption = agency.encryption {
            protection.encryptionKey = try encryptionKey(encryption, agency: agency.name)
        }
        if let integrity = agency.integrity {
            protection.integrity = IntegritySettings(
                hash: integrity.hash.algorithm,
                recordsPerHash: integrity.recordsPerHash,
                hashIntervalMicros: Int64(integrity.hashIntervalSeconds) * 1_000_000,
                hashesPerSignature: integrity.hashesPerSignature,
                signatureIntervalMicros: Int64(integrity.signatureIntervalSeconds) * 1_000_000,
                signingKey: try integrity.signingKeyPath.map { path throws(Failure) in
                    try signingKey(path, agency: agency.name)
                }
            )
        }
        return protection
    }

    private mutating func encryptionKey(
        _ encryption: AgencyEncryption,
        agency: String
    ) throws(Failure) -> PayloadEncryptionKey {
        let name = EncryptionKeyName(path: encryption.keyPath, fingerprint: encryption.keyFingerprint)
        if let loaded = encryptionKeys[name], Self.isUnchanged(name.path, since: loaded.version) {
            return loaded.key
        }
        let loaded: (key: PayloadEncryptionKey, version: AgencyKeyFile.Version)
        do {
            loaded = try AgencyKeyFile.encryptionKey(name.path)
        } catch {
            throw Failure(agency: agency, reason: "encryption key file \(error)")
        }
        guard loaded.key.fingerprint == name.fingerprint else {
            throw Failure(
                agency: agency,
                reason: "encryption key file \(name.path) holds the key \(loaded.key.fingerprint), but the store"
                    + " names \(name.fingerprint) (restore the file, or agency modify \(agency)"
                    + " --encryption-key-file FILE)"
            )
        }
        encryptionKeys[name] = Loaded(version: loaded.version, key: loaded.key)
        return loaded.key
    }

    private mutating func signingKey(_ path: String, agency: String) throws(Failure) -> IntegritySigningKey {
        if let loaded = signingKeys[path], Self.isUnchanged(path, since: loaded.version) {
            return loaded.key
        }
        do {
            let (key, version) = try AgencyKeyFile.signingKey(path)
            signingKeys[path] = Loaded(version: version, key: key)
            return key
        } catch {
            throw Failure(agency: agency, reason: "signing key file \(error)")
        }
    }

    /// Whether the file at `path` is still the version that was loaded; also when it cannot be looked at now.
    private static func isUnchanged(_ path: String, since version: AgencyKeyFile.Version) -> Bool {
        guard let now = try? AgencyKeyFile.version(of: path) else { return true }
        return now == version
    }
}

extension AgencyIntegrityHash {
    /// The `ETSI` algorithm of this hash.
    var algorithm: IntegrityHashAlgorithm {
        switch self {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}
