import ETSI
import Foundation
import Mediator

/// `openli-appliance verify`: checks the integrity of records saved by `lemf --out-der`, offline, with the same
/// ``ETSI/IntegrityVerifier`` the built-in LEMF uses: every record covered by a hash TRI that verifies, every hash
/// TRI signed by a signature TRI that verifies with the key.
public enum VerifyRunner {
    /// Reads every file, writes one line per problem and one per LIID to `output`, and returns the exit status: 0
    /// when every record is covered and every hash and signature verifies, 1 otherwise (or when there is no record
    /// at all). Throws for bad usage: a key file that cannot be used, a file that cannot be read or is not a series
    /// of PS-PDUs (exit 2).
    public static func run(_ options: VerifyOptions, output: (String) -> Void) throws(ApplianceError) -> Int32 {
        guard !options.files.isEmpty else { throw ApplianceError(.usage, "verify: name at least one file") }
        let key = try LEMFKeyFiles.verifyingKey(options.keyPath, option: "--key", command: "verify")
        let decryptor = try options.decryptionKeyPath.map { path throws(ApplianceError) in
            RecordDecryptor(
                key: try LEMFKeyFiles.encryptionKey(path, option: "--decryption-key-file", command: "verify")
            )
        }
        var tally = VerifyTally(verifier: IntegrityVerifier(key: key), decryptor: decryptor)
        for file in options.files {
            try VerifyFileReader.read(file) { record, position in
                for line in tally.take(record, at: position) { output(line) }
            }
        }
        for line in tally.finish() { output(line) }
        return tally.isIntact ? 0 : 1
    }
}
