import ETSI
import Foundation
import Mediator
import TestSupport
import Testing

@Suite("LEMF: decryption and integrity checks over sockets", .serialized)
struct LEMFProtectionTests {
    /// The lines the server reports for standard error.
    final class Reported: @unchecked Sendable {
        // Safe: `lines` is only touched under `lock`.
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) {
            lock.lock()
            lines.append(line)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }
    }

    private static func encryptionKey(
        _ file: String = IntegrityTestKeys.encryptionKeyFile
    ) throws
        -> PayloadEncryptionKey
    {
        try PayloadEncryptionKey(fileContents: Array(file.utf8))
    }

    private static func start(
        _ scratch: ScratchDirectory,
        decryptionKey: PayloadEncryptionKey? = nil,
        integrityKey: String? = nil,
        reported: Reported
    ) async throws -> LEMFServer {
        var configuration = LEMFServerConfiguration(
            listen: LEMFListenAddress(host: "127.0.0.1", port: 0),
            outputPath: scratch.file("lemf.jsonl")
        )
        configuration.decryptionKey = decryptionKey
        configuration.integrityKey = try integrityKey.map { try IntegrityVerifyingKey(pem: $0) }
        return try await LEMFServer.start(configuration) { reported.append($0) }
    }

    /// 25 CC records of LIID "LI-1" with hash TRIs every 10 and signature TRIs every 2 hashes (P-256).
    private static func items(encrypted: Bool = false) throws -> [ProtectedStream.Item] {
        var stream = ProtectedStream(
            liid: "LI-1",
            dataType: .cc,
            encryptionKey: encrypted ? try encryptionKey() : nil,
            signingKey: try IntegritySigningKey(pem: IntegrityTestKeys.p256Private)
        )
        return try ProtectedStream.items(of: &stream, records: 25, recordsPerHash: 10, hashesPerSignature: 2)
    }

    /// Sends `items` and a keep-alive to `port` and waits for the keep-alive's answer: everything before it has
    /// then been handled.
    private static func send(_ items: [ProtectedStream.Item], to port: Int) async throws {
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let response = try VectorFiles.bytes("keepalive-response.der")
        let outcome = try await LEMFTestClient.exchange(
            port: port,
            sending: items.flatMap(\.octets) + keepAlive,
            expecting: response.count
        )
        #expect(outcome.received == response)
    }

    @Test("encrypted records are decrypted, decoded and sequence-checked like plain ones")
    func decryption() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let reported = Reported()
        let server = try await Self.start(scratch, decryptionKey: try Self.encryptionKey(), reported: reported)
        try await Self.send(try Self.items(encrypted: true), to: server.boundAddress.port)
        let summary = await server.stop()
        let counters = try #require(summary.liids["LI-1"])
        #expect(counters.ccs == 25)
        #expect(counters.tris == 5)
        #expect(counters.encrypted == 30)
        #expect(counters.decrypted == 30)
        #expect(counters.decryptionFailures == 0)
        #expect(counters.gaps == 0)
        #expect(!summary.hasErrors)
        #expect(reported.all.isEmpty)
        let lines = try String(contentsOfFile: scratch.file("lemf.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains(#""kind":"CC""#) && $0.contains(#""encrypted":true"#) }.count == 25)
    }

    @Test("the wrong decryption key is detected on every record and named in the summary")
    func wrongDecryptionKey() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let reported = Reported()
        let key = try Self.encryptionKey(IntegrityTestKeys.otherEncryptionKeyFile)
        let server = try await Self.start(scratch, decryptionKey: key, reported: reported)
        try await Self.send(try Self.items(encrypted: true), to: server.boundAddress.port)
        let summary = await server.stop()
        #expect(summary.liids["LI-1"]?.decryptionFailures == 30)
        #expect(summary.liids["LI-1"]?.ccs == 0)
        #expect(summary.hasErrors)
        #expect(
            reported.all.first
                == #"lemf: connection 1: LIID "LI-1" CIN 7 sequence 0: cannot decrypt: the decrypted payload is not "#
                + "an EncryptedPayload (wrong key, or altered in transit)"
        )
        #expect(
            summary.render().contains(
                "lemf: decryption: none of 30 encrypted records decrypted: the --decryption-key-file is not the key "
                    + "the records were encrypted with"
            )
        )
    }

    @Test(
        "integrity: every record covered, every signature verified, a result line per LIID",
        arguments: [false, true]
    )
    func integrityIntact(encrypted: Bool) async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let reported = Reported()
        let server = try await Self.start(
            scratch,
            decryptionKey: encrypted ? try Self.encryptionKey() : nil,
            integrityKey: IntegrityTestKeys.p256Public,
            reported: reported
        )
        try await Self.send(try Self.items(encrypted: encrypted), to: server.boundAddress.port)
        let summary = await server.stop()
        let report = try #require(summary.integrity?["LI-1"])
        #expect(report.recordsCovered == 25)
        #expect(report.hashesVerified == 3)
        #expect(report.signaturesVerified == 2)
        #expect(report.isIntact)
        #expect(!summary.hasErrors)
        #expect(reported.all.isEmpty)
        #expect(summary.render().contains { $0.hasPrefix(#"lemf: integrity: LIID "LI-1": 25 records, 25 covered"#) })
        let lines = try String(contentsOfFile: scratch.file("lemf.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains(#""integrity":"hash verified""#) }.count == 3)
        #expect(lines.filter { $0.contains(#""integrity":"signature verified""#) }.count == 2)
        #expect(
            lines.last?.hasPrefix(#"{"summary":"integrity","liid":"LI-1","records":25,"recordsCovered":25"#) == true
        )
        #expect(lines.last?.hasSuffix(#""intact":true}"#) == true)
    }

    @Test("a record dropped between sender and LEMF is reported missing from its hash, and as a gap")
    func droppedInTransit() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let reported = Reported()
        let server = try await Self.start(scratch, integrityKey: IntegrityTestKeys.p256Public, reported: reported)
        let proxy = try RecordTamperingProxy(targetPort: server.boundAddress.port, fault: .drop(record: 6))
        try await Self.send(try Self.items(), to: proxy.port)
        proxy.close()
        let summary = await server.stop()
        #expect(proxy.tampered.map { $0?.sequence } == [5])
        #expect(summary.liids["LI-1"]?.gaps == 1)
        #expect(summary.integrity?["LI-1"]?.recordsMissing == 1)
        #expect(summary.hasErrors)
        #expect(
            reported.all.contains(
                #"lemf: connection 1: integrity: LIID "LI-1" CIN 7 CC: hash TRI 1 lists records 5 that never "#
                    + "arrived (dropped)"
            )
        )
    }

    @Test("a record altered between sender and LEMF fails its hash", arguments: [false, true])
    func alteredInTransit(encrypted: Bool) async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let reported = Reported()
        let server = try await Self.start(
            scratch,
            decryptionKey: encrypted ? try Self.encryptionKey() : nil,
            integrityKey: IntegrityTestKeys.p256Public,
            reported: reported
        )
        let proxy = try RecordTamperingProxy(
            targetPort: server.boundAddress.port,
            fault: .flip(record: 14, offsetFromEnd: encrypted ? 20 : 1)
        )
        try await Self.send(try Self.items(encrypted: encrypted), to: proxy.port)
        proxy.close()
        let summary = await server.stop()
        #expect(proxy.tampered.map { $0?.sequence } == [12])
        let report = try #require(summary.integrity?["LI-1"])
        #expect(report.hashesFailed == 1)
        #expect(!report.isIntact)
        #expect(summary.hasErrors)
        let named = reported.all.filter { $0.contains(#"LIID "LI-1" CIN 7"#) }
        #expect(named.contains { $0.contains("hash TRI 2") })
    }
}
