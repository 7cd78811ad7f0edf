import Appliance
import ArgumentParser

/// `openli-appliance lemf`: a built-in LEA receiver for testing handover end to end.
struct LEMFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lemf",
        abstract: "Receive HI2/HI3 handover like an agency: decode, check sequences, answer keep-alives.",
        discussion: """
            Accepts any number of HI2/HI3 connections, splits each stream into PS-PDUs, checks that every record \
            is DER and that sequence numbers per (LIID, CIN, IRI|CC) start at 0 and go up by one (a number seen \
            before is a redelivery, counted; a gap is an error), answers each keep-alive with a \
            keep-aliveResponse, and writes one JSON line per record. With --ca, --cert and --key it serves TLS \
            1.2 or later (1.3 when offered) and requires client certificates signed by the CA; without them, \
            plaintext. "lemf: listening on HOST:PORT (tls|plaintext)" goes to standard error once bound (port 0: \
            any free port, the real one is printed). With --decryption-key-file, records in an \
            encryptionContainer are decrypted (AES-192-CBC, the ETSI-IP.nl profile) and then checked like plain \
            ones; one that does not decrypt is an error naming its LIID, CIN and sequence number. With \
            --verify-integrity, every hash TRI is checked against the records it lists and every signature TRI \
            against the key; a record altered, dropped or never covered, a hash not signed, or a signature that \
            does not verify is an error. With --out-der, every PS-PDU is appended to the file as received (before \
            decryption), for `openli-appliance verify`. On SIGINT or SIGTERM a per-LIID summary (with integrity \
            results) goes to standard error; the exit status is 0 when no error was seen, 1 otherwise.
            """
    )

    @Option(name: .customLong("listen"), help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
    var listen: String

    @Option(name: .customLong("ca"), help: ArgumentHelp("PEM CA of the client certificates.", valueName: "file"))
    var caPath: String?

    @Option(name: .customLong("cert"), help: ArgumentHelp("PEM certificate of the LEMF.", valueName: "file"))
    var certificatePath: String?

    @Option(name: .customLong("key"), help: ArgumentHelp("PEM private key of the LEMF.", valueName: "file"))
    var keyPath: String?

    @Option(
        name: .customLong("out"),
        help: ArgumentHelp("Write the JSON lines to this file instead of standard output.", valueName: "file")
    )
    var outputPath: String?

    @Option(
        name: .customLong("out-der"),
        help: ArgumentHelp("Append every received PS-PDU, as received, to this file.", valueName: "file")
    )
    var derOutputPath: String?

    @Option(
        name: .customLong("decryption-key-file"),
        help: ArgumentHelp(
            "The agency's AES-192 key (48 hex digits or 24 octets): decrypt encrypted records.",
            valueName: "file"
        )
    )
    var decryptionKeyPath: String?

    @Option(
        name: .customLong("verify-integrity"),
        help: ArgumentHelp(
            "PEM public key (P-256, P-384, Ed25519): verify every hash and signature TRI.",
            valueName: "public-key"
        )
    )
    var integrityKeyPath: String?

    @Flag(
        name: .customLong("require-client-cert"),
        help: "Refuse clients without a certificate from --ca (always so with TLS; needs --ca, --cert and --key)."
    )
    var requireClientCertificate = false

    func run() async throws {
        var options = LEMFOptions(listen: listen)
        options.caPath = caPath
        options.certificatePath = certificatePath
        options.keyPath = keyPath
        options.outputPath = outputPath
        options.requireClientCertificate = requireClientCertificate
        options.derOutputPath = derOutputPath
        options.decryptionKeyPath = decryptionKeyPath
        options.integrityKeyPath = integrityKeyPath
        let status = try await LEMFRunner.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
