import Appliance
import ETSI
import Foundation
import Mediator
import TestSupport
import Testing

/// `lemf --out-der` then `verify`: records saved by the LEMF as received, checked offline.
@Suite("verify on records saved by the LEMF", .serialized)
struct VerifyCommandTests {
    /// Key files in a scratch directory.
    struct Files {
        let scratch: ScratchDirectory
        var publicKey: String { scratch.file("integrity.pub") }
        var otherPublicKey: String { scratch.file("other.pub") }
        var decryptionKey: String { scratch.file("agency.key") }
        var otherDecryptionKey: String { scratch.file("other.key") }
        var records: String { scratch.file("records.der") }

        init() throws {
            scratch = try ScratchDirectory(prefix: "verify")
            try IntegrityTestKeys.p256Public.write(toFile: publicKey, atomically: true, encoding: .utf8)
            try IntegrityTestKeys.otherP256Public.write(toFile: otherPublicKey, atomically: true, encoding: .utf8)
            try IntegrityTestKeys.encryptionKeyFile.write(toFile: decryptionKey, atomically: true, encoding: .utf8)
            try IntegrityTestKeys.otherEncryptionKeyFile.write(
                toFile: otherDecryptionKey,
                atomically: true,
                encoding: .utf8
            )
        }
    }

    /// An IRI and a CC stream of "LI-1", encrypted, interleaved as two connections would deliver them.
    private static func items() throws -> [ProtectedStream.Item] {
        let key = try PayloadEncryptionKey(fileContents: Array(IntegrityTestKeys.encryptionKeyFile.utf8))
        let signer = try IntegritySigningKey(pem: IntegrityTestKeys.p256Private)
        var iri = ProtectedStream(liid: "LI-1", dataType: .iri, encryptionKey: key, signingKey: signer)
        var cc = ProtectedStream(liid: "LI-1", dataType: .cc, encryptionKey: key, signingKey: signer)
        let iris = try ProtectedStream.items(of: &iri, records: 12, recordsPerHash: 5, hashesPerSignature: 2)
        let ccs = try ProtectedStream.items(of: &cc, records: 30, recordsPerHash: 10, hashesPerSignature: 2)
        return iris + ccs
    }

    /// Runs the LEMF with `--out-der`, sends `items` and a keep-alive, stops it.
    private static func save(_ items: [ProtectedStream.Item], to path: String) async throws {
        var configuration = LEMFServerConfiguration(listen: LEMFListenAddress(host: "127.0.0.1", port: 0))
        configuration.outputPath = path + ".jsonl"
        configuration.derOutputPath = path
        let server = try await LEMFServer.start(configuration) { _ in }
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let answer = try LoopbackClient.exchange(
            port: server.boundAddress.port,
            sending: items.flatMap(\.octets) + keepAlive,
            expecting: keepAlive.count
        )
        #expect(answer == (try VectorFiles.bytes("keepalive-response.der")))
        _ = await server.stop()
    }

    private static func verify(_ options: VerifyOptions) throws(ApplianceError) -> (status: Int32, lines: [String]) {
        var lines: [String] = []
        let status = try VerifyRunner.run(options) { lines.append($0) }
        return (status, lines)
    }

    @Test("--out-der keeps the records as received (appending), and verify proves them intact")
    func savedAndVerified() async throws {
        let files = try Files()
        let items = try Self.items()
        try await Self.save(items, to: files.records)
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let saved = try #require(FileManager.default.contents(atPath: files.records))
        #expect(Array(saved) == items.flatMap(\.octets) + keepAlive)
        let attributes = try FileManager.default.attributesOfItem(atPath: files.records)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let result = try Self.verify(
            VerifyOptions(files: [files.records], keyPath: files.publicKey, decryptionKeyPath: files.decryptionKey)
        )
        #expect(result.status == 0)
        #expect(
            result.lines == [
                #"verify: LIID "LI-1": 42 records, 42 covered, 0 missing, 0 not covered; hashes 6 verified, 0 "#
                    + "failed, 0 not signed; signatures 4 verified, 0 failed: intact",
                "verify: \(items.count + 1) PS-PDUs, 1 LIIDs: intact",
            ]
        )
        try await Self.save(items, to: files.records)
        let twice = try #require(FileManager.default.contents(atPath: files.records))
        #expect(twice.count == 2 * saved.count)
    }

    @Test("a record dropped before the LEMF: verify names it and exits 1")
    func dropped() async throws {
        let files = try Files()
        var items = try Self.items()
        #expect(items.remove(at: 3).kind == .record(3))
        try await Self.save(items, to: files.records)
        let result = try Self.verify(
            VerifyOptions(files: [files.records], keyPath: files.publicKey, decryptionKeyPath: files.decryptionKey)
        )
        #expect(result.status == 1)
        #expect(
            result.lines.first
                == #"verify: LIID "LI-1" CIN 7 IRI: hash TRI 1 lists records 3 that never arrived (dropped)"#
        )
        #expect(result.lines.last?.hasSuffix(": integrity FAILED") == true)
    }

    @Test("the wrong public key, the wrong decryption key, no decryption key: exit 1 with a clear line")
    func wrongKeys() async throws {
        let files = try Files()
        try await Self.save(try Self.items(), to: files.records)
        let wrongPublic = try Self.verify(
            VerifyOptions(files: [files.records], keyPath: files.otherPublicKey, decryptionKeyPath: files.decryptionKey)
        )
        #expect(wrongPublic.status == 1)
        #expect(wrongPublic.lines.filter { $0.contains("does not verify with the key") }.count == 4)
        let wrongDecryption = try Self.verify(
            VerifyOptions(
                files: [files.records],
                keyPath: files.publicKey,
                decryptionKeyPath: files.otherDecryptionKey
            )
        )
        #expect(wrongDecryption.status == 1)
        #expect(
            wrongDecryption.lines.contains(
                "verify: none of 52 encrypted records decrypted: the --decryption-key-file is not the key the "
                    + "records were encrypted with"
            )
        )
        let noDecryption = try Self.verify(VerifyOptions(files: [files.records], keyPath: files.publicKey))
        #expect(noDecryption.status == 1)
        #expect(
            noDecryption.lines.contains("verify: 52 encrypted records could not be read: give --decryption-key-file")
        )
    }

    @Test("bad usage: no such file, a file that is not PS-PDUs, a cut file, a key that is not PEM")
    func badUsage() throws {
        let files = try Files()
        try Data("not records".utf8).write(to: URL(fileURLWithPath: files.records))
        let cut = files.scratch.file("cut.der")
        try Data(try VectorFiles.bytes("keepalive.der").dropLast()).write(to: URL(fileURLWithPath: cut))
        let cases = [
            (VerifyOptions(files: [files.scratch.file("none.der")], keyPath: files.publicKey), "cannot be read"),
            (VerifyOptions(files: [files.records], keyPath: files.publicKey), "not a series of PS-PDUs"),
            (VerifyOptions(files: [cut], keyPath: files.publicKey), "ends inside a record"),
            (VerifyOptions(files: [cut], keyPath: files.decryptionKey), "--key"),
        ]
        for (options, message) in cases {
            do {
                _ = try Self.verify(options)
                Issue.record("no error for \(options)")
            } catch {
                #expect(error.code == .usage)
                #expect(error.message.hasPrefix("verify: ") && error.message.contains(message))
            }
        }
    }
}
