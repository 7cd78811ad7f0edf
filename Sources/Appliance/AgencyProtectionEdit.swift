import ETSI
import Warrants

/// Applies `agency add|modify`'s encryption and integrity options to an agency, reading the key files named so that
/// a bad key is refused at once (usage error, one line naming the option and the path). Only paths and the
/// encryption key's fingerprint end up in the agency; nothing read is printed.
///
/// - `--encryption-key-file` implies `--encryption aes-192-cbc` (the one method); `--encryption` needs a key file,
///   unless `agency modify` keeps the agency's current one.
/// - `--integrity-every`, `--integrity-interval`, `--sign-every`, `--sign-interval`, `--signing-key` and
///   `--no-signing-key` need `--integrity` unless the agency already has integrity checks.
/// - `--sign-every` and `--sign-interval` need a signing key: without one only hashes are sent, and a signature
///   setting that does nothing is refused rather than kept.
enum AgencyProtectionEdit {
    /// Changes `agency`'s encryption and integrity settings as `options` say.
    static func apply(
        _ options: AgencyProtectionOptions,
        to agency: inout Agency,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) {
        agency.encryption = try encryption(options, current: agency.encryption, command: command, notes: &notes)
        agency.integrity = try integrity(options, current: agency.integrity, command: command, notes: &notes)
    }

    private static func encryption(
        _ options: AgencyProtectionOptions,
        current: AgencyEncryption?,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) -> AgencyEncryption? {
        if options.noEncryption {
            if let other = [("--encryption", options.encryption), ("--encryption-key-file", options.encryptionKeyFile)]
                .first(where: { $0.1 != nil })
            {
                throw ApplianceError(.usage, "\(command): --no-encryption cannot be combined with \(other.0)")
            }
            return nil
        }
        let method = try options.encryption.map { text throws(ApplianceError) in
            try store(command) { () throws(StoreError) in
                try WarrantValidation.encryptionMethod(text, field: "--encryption")
            }
        }
        guard let file = options.encryptionKeyFile else {
            guard method == nil || current != nil else {
                throw ApplianceError(.usage, "\(command): --encryption needs --encryption-key-file FILE")
            }
            return current
        }
        let path = try AdminTLSFiles.regularFile(file, flag: "--encryption-key-file", command: command)
        let key: PayloadEncryptionKey
        let version: AgencyKeyFile.Version
        do {
            (key, version) = try AgencyKeyFile.encryptionKey(path)
        } catch {
            throw ApplianceError(.usage, "\(command): --encryption-key-file \(error)")
        }
        noteOpenFile(version, "--encryption-key-file", path, command: command, notes: &notes)
        return AgencyEncryption(method: method ?? .aes192CBC, keyPath: path, keyFingerprint: key.fingerprint)
    }

    private static func integrity(
        _ options: AgencyProtectionOptions,
        current: AgencyIntegrity?,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) -> AgencyIntegrity? {
        let others = options.integrityOptions
        if options.noIntegrity {
            if let other = (options.integrity != nil ? ["--integrity"] : []).first ?? others.first {
                throw ApplianceError(.usage, "\(command): --no-integrity cannot be combined with \(other)")
            }
            return nil
        }
        let hash = try options.integrity.map { text throws(ApplianceError) in
            try store(command) { () throws(StoreError) in
                try WarrantValidation.integrityHash(text, field: "--integrity")
            }
        }
        guard var result = hash.map({ hash in current?.with(hash) ?? AgencyIntegrity(hash: hash) }) ?? current else {
            if let first = others.first {
                throw ApplianceError(.usage, "\(command): \(first) needs --integrity sha256|sha384|sha512")
            }
            return nil
        }
        try store(command) { () throws(StoreError) in
            if let text = options.integrityEvery {
                result.recordsPerHash = try WarrantValidation.count(
                    text,
                    field: "--integrity-every",
                    range: WarrantValidation.recordsPerHashRange
                )
            }
            if let text = options.integrityInterval {
                result.hashIntervalSeconds = try WarrantValidation.seconds(
                    text,
                    field: "--integrity-interval",
                    range: WarrantValidation.hashIntervalRange
                )
            }
            if let text = options.signEvery {
                result.hashesPerSignature = try WarrantValidation.count(
                    text,
                    field: "--sign-every",
                    range: WarrantValidation.hashesPerSignatureRange
                )
            }
            if let text = options.signInterval {
                result.signatureIntervalSeconds = try WarrantValidation.seconds(
                    text,
                    field: "--sign-interval",
                    range: WarrantValidation.signatureIntervalRange
                )
            }
        }
        if options.noSigningKey {
            if options.signingKey != nil {
                throw ApplianceError(.usage, "\(command): --no-signing-key cannot be combined with --signing-key")
            }
            result.signingKeyPath = nil
        }
        if let file = options.signingKey {
            result.signingKeyPath = try signingKey(file, command: command, notes: &notes)
        }
        let signOptions = [("--sign-every", options.signEvery), ("--sign-interval", options.signInterval)]
        if result.signingKeyPath == nil, let sign = signOptions.first(where: { $0.1 != nil }) {
            throw ApplianceError(
                .usage,
                "\(command): \(sign.0) needs --signing-key FILE (without a signing key only hashes are sent)"
            )
        }
        return result
    }

    /// The canonical path of a signing key file that holds a key that can sign.
    private static func signingKey(
        _ file: String,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) -> String {
        let path = try AdminTLSFiles.regularFile(file, flag: "--signing-key", command: command)
        do {
            let (_, version) = try AgencyKeyFile.signingKey(path)
            noteOpenFile(version, "--signing-key", path, command: command, notes: &notes)
        } catch {
            throw ApplianceError(.usage, "\(command): --signing-key \(error)")
        }
        return path
    }

    /// A note when group or others may read a key file.
    private static func noteOpenFile(
        _ version: AgencyKeyFile.Version,
        _ flag: String,
        _ path: String,
        command: String,
        notes: inout [String]
    ) {
        guard version.isOpenToOthers else { return }
        let mode = String(version.mode, radix: 8)
        notes.append("\(command): \(flag) \(path) is accessible to others (mode 0\(mode)); chmod 600 it")
    }

    /// Runs a validation, reporting its error as `command`'s.
    private static func store<T>(_ command: String, _ body: () throws(StoreError) -> T) throws(ApplianceError) -> T {
        do {
            return try body()
        } catch {
            throw ApplianceError(error, command: command)
        }
    }
}

extension AgencyIntegrity {
    /// The same settings with another hash.
    fileprivate func with(_ hash: AgencyIntegrityHash) -> AgencyIntegrity {
        var copy = self
        copy.hash = hash
        return copy
    }
}
