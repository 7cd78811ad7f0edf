import Appliance
import ArgumentParser

/// The payload encryption and integrity options that `agency add` and `agency modify` share.
struct AgencyProtectionFlags: ParsableArguments {
    @Option(
        name: .customLong("encryption"),
        help: ArgumentHelp(
            "Encrypt every record's payload (ETSI-IP.nl profile); needs --encryption-key-file.",
            valueName: "aes-192-cbc"
        )
    )
    var encryption: String?

    @Option(
        name: .customLong("encryption-key-file"),
        help: ArgumentHelp(
            "The AES-192 key: 24 octets, raw or as 48 hexadecimal digits; implies --encryption aes-192-cbc. The"
                + " store keeps the path and the key's fingerprint, never the key.",
            valueName: "file"
        )
    )
    var encryptionKeyFile: String?

    @Option(
        name: .customLong("integrity"),
        help: ArgumentHelp("Send integrity checks (hash TRIs) in every stream.", valueName: "sha256|sha384|sha512")
    )
    var integrity: String?

    @Option(
        name: .customLong("integrity-every"),
        help: ArgumentHelp("A hash after this many records, 1-1000000 (default 1000).", valueName: "n-records")
    )
    var integrityEvery: String?

    @Option(
        name: .customLong("integrity-interval"),
        help: ArgumentHelp(
            "... or this many seconds after the first record not yet hashed, 1-3600 (default 1).",
            valueName: "seconds"
        )
    )
    var integrityInterval: String?

    @Option(
        name: .customLong("sign-every"),
        help: ArgumentHelp(
            "A signature after this many hashes, 1-10000 (default 15); needs --signing-key.",
            valueName: "n-hashes"
        )
    )
    var signEvery: String?

    @Option(
        name: .customLong("sign-interval"),
        help: ArgumentHelp(
            "... or this many seconds after the first hash not yet signed, 1-86400 (default 300); needs --signing-key.",
            valueName: "seconds"
        )
    )
    var signInterval: String?

    @Option(
        name: .customLong("signing-key"),
        help: ArgumentHelp(
            "The PEM private key that signs the hashes: ECDSA P-256 or P-384, or Ed25519 (without one, hashes only)."
                + " Read when the run starts; the store keeps the path only.",
            valueName: "file"
        )
    )
    var signingKey: String?

    /// The options as typed, with the `--no-...` flags given.
    func options(
        noEncryption: Bool = false,
        noIntegrity: Bool = false,
        noSigningKey: Bool = false
    )
        -> AgencyProtectionOptions
    {
        AgencyProtectionOptions(
            encryption: encryption,
            encryptionKeyFile: encryptionKeyFile,
            noEncryption: noEncryption,
            integrity: integrity,
            integrityEvery: integrityEvery,
            integrityInterval: integrityInterval,
            signEvery: signEvery,
            signInterval: signInterval,
            signingKey: signingKey,
            noIntegrity: noIntegrity,
            noSigningKey: noSigningKey
        )
    }
}
