import Foundation
import TestSupport
import Testing

/// `agency add|modify|show` with payload encryption and integrity settings, through the built binary with real key
/// files (skipped until it has been built): keys are read and checked at once, the store keeps paths and the
/// encryption key's fingerprint, and nothing prints key material.
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct AgencyProtectionCommandLineTests {
    /// The key of the tests: 24 octets 0x00-0x17.
    static let keyOctets = (0..<24).map { UInt8($0) }
    static let keyHex = keyOctets.map { String(format: "%02x", $0) }.joined()

    @Test func addsAnAgencyWithEncryptionAndIntegrityAndShowsOnlyPathsAndTheFingerprint() throws {
        let keys = try ProtectionKeys()
        let hexFile = try keys.write("lea.key", keys.hexKey(Self.keyHex + "\n"))
        let signing = try keys.signingKey("p256.pem", "EC", "ec_paramgen_curve:P-256")
        let added = try keys.binary.run(
            ["agency", "add", "lea", "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext"]
                + ["--encryption", "aes-192-cbc", "--encryption-key-file", hexFile, "--integrity", "sha384"]
                + ["--integrity-every", "500", "--integrity-interval", "2", "--sign-every", "10"]
                + ["--sign-interval", "60", "--signing-key", signing]
        )
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "agency lea added (plaintext, aes-192-cbc, sha384-signed)\n")
        #expect(added.standardError.isEmpty)
        let fingerprint = try keys.fingerprint(of: Self.keyOctets)
        let show = try keys.binary.run(["agency", "show", "lea"])
        let lines = show.standardOutput.split(separator: "\n").map(String.init)
        for expected in [
            "encryption: aes-192-cbc", "encryption-key-file: \(hexFile)", "encryption-key-fingerprint: \(fingerprint)",
            "integrity: sha384", "integrity-every: 500 records or 2 s", "signatures: every 10 hashes or 60 s",
            "signing-key: \(signing) (ECDSA P-256)",
        ] {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
        let list = try keys.binary.run(["agency", "list"])
        #expect(list.standardOutput.contains(" aes-192-cbc+sha384-signed "))
        let audit = try keys.binary.run(["audit", "list"])
        let signingText = try String(contentsOfFile: signing, encoding: .utf8)
        let base64 = signingText.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        for output in [added, show, list, audit] {
            let text = output.standardOutput + output.standardError
            #expect(!text.contains(Self.keyHex))
            #expect(!text.contains("PRIVATE KEY"))
            for line in base64 {
                #expect(!text.contains(line.prefix(16)))
            }
        }
        #expect(try keys.binary.run(["audit", "verify"]).status == 0)
    }

    @Test func aRawKeyAndItsHexFormHaveOneFingerprintAndOpenFilesAreNoted() throws {
        let keys = try ProtectionKeys()
        let raw = try keys.write("raw.key", Data(Self.keyOctets))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: raw)
        let added = try keys.add("lea", ["--encryption-key-file", raw])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(
            added.standardError
                == "agency add: --encryption-key-file \(raw) is accessible to others (mode 0644); chmod 600 it\n"
        )
        let show = try keys.binary.run(["agency", "show", "lea"]).standardOutput
        #expect(show.contains("encryption-key-fingerprint: \(try keys.fingerprint(of: Self.keyOctets))\n"))
        #expect(show.contains("integrity: -\n"))
    }

    @Test(arguments: [("EC", "ec_paramgen_curve:P-384", "ECDSA P-384"), ("ED25519", "", "Ed25519")])
    func takesSigningKeysOfEveryKind(_ algorithm: String, _ option: String, _ kind: String) throws {
        let keys = try ProtectionKeys()
        let signing = try keys.signingKey("sign.pem", algorithm, option)
        let added = try keys.add("lea", ["--integrity", "sha256", "--signing-key", signing])
        #expect(added.status == 0, "\(added.standardError)")
        let show = try keys.binary.run(["agency", "show", "lea"]).standardOutput
        #expect(show.contains("signing-key: \(signing) (\(kind))\n"))
        #expect(show.contains("integrity-every: 1000 records or 1 s\n"))
        #expect(show.contains("signatures: every 15 hashes or 300 s\n"))
    }

    @Test func refusesBadKeysNamingTheOptionAndThePath() throws {
        let keys = try ProtectionKeys()
        let short = try keys.write("short.key", keys.hexKey(String(Self.keyHex.prefix(32))))
        let rsa = try keys.signingKey("rsa.pem", "RSA", "rsa_keygen_bits:2048")
        let notPEM = try keys.write("plain.txt", Data("hello\n".utf8))
        let missing = keys.binary.directory + "/missing.key"
        let cases: [([String], String)] = [
            (
                ["--encryption-key-file", short],
                "agency add: --encryption-key-file \(short): an AES-192 key is 24 octets (48 hexadecimal digits or 24"
                    + " raw octets); this one has 16"
            ),
            (
                ["--encryption-key-file", missing],
                "agency add: --encryption-key-file \(missing) cannot be read (No such file or directory)"
            ),
            (
                ["--integrity", "sha256", "--signing-key", rsa],
                "agency add: --signing-key \(rsa): a PRIVATE KEY that is not an ECDSA P-256 or P-384 or an Ed25519 key"
            ),
            (
                ["--integrity", "sha256", "--signing-key", notPEM],
                "agency add: --signing-key \(notPEM): not a PEM key (no -----BEGIN ...----- block with valid base64)"
            ),
        ]
        for (options, message) in cases {
            let result = try keys.add("lea", options)
            #expect(result.status == 2)
            #expect(result.standardError == message + "\n")
        }
        #expect(try keys.binary.run(["agency", "list"]).standardOutput.split(separator: "\n").count == 1)
    }

    /// Option mixes and values that `agency add` refuses, and its one error line.
    static let badOptions: [([String], String)] = [
        (["--encryption", "aes-256-cbc"], "agency add: --encryption \"aes-256-cbc\" is not one of aes-192-cbc"),
        (["--encryption", "aes-192-cbc"], "agency add: --encryption needs --encryption-key-file FILE"),
        (["--integrity", "md5"], "agency add: --integrity \"md5\" is not one of sha256, sha384, sha512"),
        (["--integrity-every", "10"], "agency add: --integrity-every needs --integrity sha256|sha384|sha512"),
        (
            ["--integrity", "sha256", "--integrity-every", "0"],
            "agency add: --integrity-every \"0\" is not a whole number in 1-1000000"
        ),
        (
            ["--integrity", "sha256", "--integrity-interval", "3601"],
            "agency add: --integrity-interval \"3601\" is not a number of seconds in 1-3600"
        ),
        (
            ["--integrity", "sha256", "--sign-every", "10"],
            "agency add: --sign-every needs --signing-key FILE (without a signing key only hashes are sent)"
        ),
    ]

    @Test(arguments: badOptions.indices)
    func refusesBadOptions(_ index: Int) throws {
        let (options, message) = Self.badOptions[index]
        let keys = try ProtectionKeys()
        let result = try keys.add("lea", options)
        #expect(result.status == 2)
        #expect(result.standardError == message + "\n")
    }

    @Test func modifyAddsChangesAndRemovesProtection() throws {
        let keys = try ProtectionKeys()
        let key = try keys.write("lea.key", keys.hexKey(Self.keyHex))
        let signing = try keys.signingKey("ed.pem", "ED25519", "")
        #expect(try keys.add("lea", []).status == 0)
        let bare = try keys.modify("lea", [])
        #expect(bare.status == 2)
        #expect(bare.standardError.hasPrefix("agency modify: nothing to change"))
        let encrypted = try keys.modify("lea", ["--encryption-key-file", key, "--integrity", "sha512"])
        #expect(encrypted.status == 0, "\(encrypted.standardError)")
        #expect(encrypted.standardOutput == "agency lea modified (aes-192-cbc, sha512)\n")
        let sign = try keys.modify("lea", ["--signing-key", signing, "--sign-every", "3"])
        #expect(sign.standardOutput == "agency lea modified (aes-192-cbc, sha512-signed)\n")
        let unsigned = try keys.modify("lea", ["--no-signing-key"])
        #expect(unsigned.standardOutput == "agency lea modified (aes-192-cbc, sha512)\n")
        let signLater = try keys.modify("lea", ["--sign-interval", "60"])
        #expect(signLater.status == 2)
        #expect(signLater.standardError.contains("--sign-interval needs --signing-key FILE"))
        let mixed = try keys.modify("lea", ["--no-encryption", "--encryption-key-file", key])
        #expect(mixed.standardError == "agency modify: --no-encryption cannot be combined with --encryption-key-file\n")
        let plain = try keys.modify("lea", ["--no-encryption", "--no-integrity"])
        #expect(plain.standardOutput == "agency lea modified (no encryption, no integrity)\n")
        #expect(try keys.modify("lea", ["--no-encryption"]).standardOutput == "agency lea unchanged\n")
        let unknown = try keys.modify("nobody", ["--no-encryption"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "agency modify: agency \"nobody\" does not exist\n")
        let audit = try keys.binary.run(["audit", "list"]).standardOutput
        #expect(audit.components(separatedBy: "agency.modify").count - 1 == 4)
        #expect(try keys.binary.run(["audit", "verify"]).status == 0)
    }
}

/// A scratch store beside key files made for one test.
final class ProtectionKeys {
    let binary: ApplianceBinary

    init() throws {
        binary = try ApplianceBinary()
    }

    deinit {
        binary.cleanUp()
    }

    /// `agency add NAME` (plaintext, receivers on localhost) with `options`.
    func add(_ name: String, _ options: [String]) throws -> ProcessOutput {
        try binary.run(
            ["agency", "add", name, "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext"] + options
        )
    }

    /// `agency modify NAME` with `options`.
    func modify(_ name: String, _ options: [String]) throws -> ProcessOutput {
        try binary.run(["agency", "modify", name] + options)
    }

    /// Writes `data` to `name` in the scratch directory, mode 0600; returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let path = binary.directory + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]))
        return path
    }

    /// Key file text.
    func hexKey(_ text: String) -> Data {
        Data(text.utf8)
    }

    /// A private key made by `openssl genpkey -algorithm ALGORITHM [-pkeyopt OPTION]`; returns its path.
    func signingKey(_ name: String, _ algorithm: String, _ option: String) throws -> String {
        let path = binary.directory + "/" + name
        let options = option.isEmpty ? [] : ["-pkeyopt", option]
        let made = try ProcessRunner.run(
            "/usr/bin/openssl",
            ["genpkey", "-algorithm", algorithm] + options + ["-out", path]
        )
        #expect(made.status == 0, "\(made.standardError)")
        return path
    }

    /// `sha256:` and the SHA-256 of `octets`, by `sha256sum`.
    func fingerprint(of octets: [UInt8]) throws -> String {
        let path = try write("fingerprint.bin", Data(octets))
        let sum = try ProcessRunner.run("/usr/bin/sha256sum", [path])
        return "sha256:" + (sum.standardOutput.split(separator: " ").first.map(String.init) ?? "")
    }
}
