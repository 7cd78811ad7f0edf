import Appliance
import ArgumentParser

/// `openli-appliance verify`: checks integrity check TRIs offline, on records saved by `lemf --out-der`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the hash and signature TRIs of records saved by `lemf --out-der`.",
        discussion: """
            Reads the files in order as one series of PS-PDUs (as the LEMF received them), decrypts encrypted \
            records with --decryption-key-file, and checks, per LIID, CIN and IRI|CC stream, every hash TRI \
            against the records it lists and every signature TRI against --key. One line per problem (a record \
            altered, dropped or not covered by any hash, a hash not signed, a signature that does not verify), \
            then one line per LIID. Exit status 0 when every record is covered and every hash and signature \
            verifies, 1 when not, 2 for bad usage, a key that cannot be used, or a file that cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("Files written by `lemf --out-der`.", valueName: "file"))
    var files: [String]

    @Option(
        name: .customLong("key"),
        help: ArgumentHelp("PEM public key (P-256, P-384, Ed25519) the signatures verify with.", valueName: "file")
    )
    var keyPath: String

    @Option(
        name: .customLong("decryption-key-file"),
        help: ArgumentHelp("The agency's AES-192 key, for encrypted records.", valueName: "file")
    )
    var decryptionKeyPath: String?

    func run() throws {
        let options = VerifyOptions(files: files, keyPath: keyPath, decryptionKeyPath: decryptionKeyPath)
        let status = try VerifyRunner.run(options) { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}
