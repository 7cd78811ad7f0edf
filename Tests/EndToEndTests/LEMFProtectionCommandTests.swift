import ETSI
import Foundation
import TestSupport
import Testing

/// `openli-appliance lemf --decryption-key-file --verify-integrity --out-der` and `openli-appliance verify` as an
/// operator runs them: encrypted, integrity-protected records (``ProtectedStream``) sent through a
/// ``RecordTamperingProxy`` to the built-in LEMF, then the saved records checked offline.
@Suite(.serialized)
struct LEMFProtectionCommandTests {
    /// The key files, in the appliance's scratch directory.
    struct KeyFiles {
        let publicKey: String
        let decryptionKey: String
        let otherDecryptionKey: String

        init(in directory: String) throws {
            publicKey = directory + "/integrity.pub"
            decryptionKey = directory + "/agency.aes"
            otherDecryptionKey = directory + "/other.aes"
            try IntegrityTestKeys.p256Public.write(toFile: publicKey, atomically: true, encoding: .utf8)
            try IntegrityTestKeys.encryptionKeyFile.write(toFile: decryptionKey, atomically: true, encoding: .utf8)
            try IntegrityTestKeys.otherEncryptionKeyFile.write(
                toFile: otherDecryptionKey,
                atomically: true,
                encoding: .utf8
            )
        }
    }

    /// An IRI stream (12 records) and a CC stream (30 records) of "LI-1", encrypted, signed with P-256.
    private static func items() throws -> [ProtectedStream.Item] {
        let key = try PayloadEncryptionKey(fileContents: Array(IntegrityTestKeys.encryptionKeyFile.utf8))
        let signer = try IntegritySigningKey(pem: IntegrityTestKeys.p256Private)
        var iri = ProtectedStream(liid: "LI-1", dataType: .iri, encryptionKey: key, signingKey: signer)
        var cc = ProtectedStream(liid: "LI-1", dataType: .cc, encryptionKey: key, signingKey: signer)
        return try ProtectedStream.items(of: &iri, records: 12, recordsPerHash: 5, hashesPerSignature: 2)
            + ProtectedStream.items(of: &cc, records: 30, recordsPerHash: 10, hashesPerSignature: 2)
    }

    /// Runs `lemf` with the protection options, sends the records through a proxy making `fault`, and stops it.
    private static func receive(
        _ appliance: ApplianceBinary,
        keys: KeyFiles,
        decryptionKey: String? = nil,
        fault: RecordTamperingProxy.Fault,
        saveTo records: String
    ) throws -> (status: Int32, summary: String) {
        let lemf = try LEMFProcess(
            appliance: appliance,
            extraArguments: [
                "--decryption-key-file", decryptionKey ?? keys.decryptionKey, "--verify-integrity", keys.publicKey,
                "--out-der", records,
            ]
        )
        let proxy = try RecordTamperingProxy(targetPort: lemf.port, fault: fault)
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let answer = try LoopbackClient.exchange(
            port: proxy.port,
            sending: try items().flatMap(\.octets) + keepAlive,
            expecting: keepAlive.count
        )
        #expect(answer.count == keepAlive.count)
        proxy.close()
        return lemf.stop()
    }

    @Test("intact records: lemf and verify both exit 0 and say so")
    func intact() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let records = appliance.directory + "/records.der"
        let (status, summary) = try Self.receive(appliance, keys: keys, fault: .none, saveTo: records)
        #expect(status == 0, "\(summary)")
        #expect(summary.contains(#"lemf: integrity: LIID "LI-1": 42 records, 42 covered, 0 missing, 0 not covered"#))
        #expect(summary.contains("signatures 4 verified, 0 failed: intact"))
        let verified = try ProcessRunner.run(
            appliance.path,
            ["verify", records, "--key", keys.publicKey, "--decryption-key-file", keys.decryptionKey]
        )
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        #expect(verified.standardOutput.hasSuffix("verify: 53 PS-PDUs, 1 LIIDs: intact\n"))
    }

    @Test("a record dropped in transit: lemf names it and exits 1, so does verify on what it saved")
    func dropped() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let records = appliance.directory + "/records.der"
        let (status, summary) = try Self.receive(appliance, keys: keys, fault: .drop(record: 20), saveTo: records)
        let line = #"LIID "LI-1" CIN 7 CC: hash TRI 1 lists records 2 that never arrived (dropped)"#
        #expect(status == 1)
        #expect(summary.contains("lemf: connection 1: integrity: " + line), "\(summary)")
        let verified = try ProcessRunner.run(
            appliance.path,
            ["verify", records, "--key", keys.publicKey, "--decryption-key-file", keys.decryptionKey]
        )
        #expect(verified.status == 1)
        #expect(verified.standardOutput.contains("verify: " + line))
    }

    @Test("the wrong decryption key: every record is an error, the summary names the key")
    func wrongDecryptionKey() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let (status, summary) = try Self.receive(
            appliance,
            keys: keys,
            decryptionKey: keys.otherDecryptionKey,
            fault: .none,
            saveTo: appliance.directory + "/records.der"
        )
        #expect(status == 1)
        #expect(summary.contains("lemf: decryption: none of 52 encrypted records decrypted"))
    }

    @Test("bad usage exits 2 with one line: key files that cannot be used, no file, a missing file, no --key")
    func badUsage() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let missing = appliance.directory + "/missing"
        let runs: [([String], String)] = [
            (["lemf", "--listen", "127.0.0.1:0", "--verify-integrity", missing], "--verify-integrity"),
            (["lemf", "--listen", "127.0.0.1:0", "--decryption-key-file", keys.publicKey], "--decryption-key-file"),
            (["verify", "--key", keys.publicKey], "file"),
            (["verify", missing, "--key", keys.publicKey], "cannot be read"),
            (["verify", keys.publicKey], "--key"),
        ]
        for (arguments, mention) in runs {
            let result = try ProcessRunner.run(appliance.path, arguments)
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(mention), "\(arguments): \(result.standardError)")
        }
    }
}
