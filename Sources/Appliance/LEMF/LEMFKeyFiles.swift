import ETSI
import Foundation

/// Reads the key files of `lemf` and `verify`: the agency's payload encryption key and the public key that
/// verifies integrity signatures. A file that cannot be read or holds no usable key is bad input (exit status 2),
/// named with its option.
enum LEMFKeyFiles {
    /// The AES-192 key in `path` (48 hexadecimal digits or 24 raw octets).
    static func encryptionKey(
        _ path: String,
        option: String,
        command: String
    ) throws(ApplianceError) -> PayloadEncryptionKey {
        let contents = try read(path, option: option, command: command)
        do {
            return try PayloadEncryptionKey(fileContents: contents)
        } catch {
            throw ApplianceError(.usage, "\(command): \(option) \"\(path)\": \(error)")
        }
    }

    /// The public key in `path` (PEM: P-256, P-384 or Ed25519; a private key's public half also does).
    static func verifyingKey(
        _ path: String,
        option: String,
        command: String
    ) throws(ApplianceError) -> IntegrityVerifyingKey {
        let contents = try read(path, option: option, command: command)
        do {
            return try IntegrityVerifyingKey(pem: String(decoding: contents, as: UTF8.self))
        } catch {
            throw ApplianceError(.usage, "\(command): \(option) \"\(path)\": \(error)")
        }
    }

    private static func read(_ path: String, option: String, command: String) throws(ApplianceError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ApplianceError(.usage, "\(command): \(option) \"\(path)\": cannot be read")
        }
        return Array(data)
    }
}
