import ETSI
import Foundation
import TestSupport
import Testing

/// Payload encryption and integrity checks end to end: the RADIUS capture through the built binary, its agency
/// configured with `agency add --encryption-key-file --integrity --signing-key` as an operator would, delivered to
/// the built-in LEMF with `--decryption-key-file --verify-integrity --out-der`; HI3 through a proxy that can alter or
/// drop one record in transit; the saved records checked again offline with `verify`.
@Suite(.serialized)
struct ProtectionCaptureTests {
    /// The agency's key files and the LEMF's, in the appliance's scratch directory.
    struct KeyFiles {
        let encryptionKey: String
        let otherEncryptionKey: String
        let signingKey: String
        let publicKey: String

        init(in directory: String) throws {
            encryptionKey = directory + "/agency.aes"
            otherEncryptionKey = directory + "/other.aes"
            signingKey = directory + "/integrity.pem"
            publicKey = directory + "/integrity.pub"
            let files = [
                (encryptionKey, IntegrityTestKeys.encryptionKeyFile),
                (otherEncryptionKey, IntegrityTestKeys.otherEncryptionKeyFile),
                (signingKey, IntegrityTestKeys.p256Private), (publicKey, IntegrityTestKeys.p256Public),
            ]
            for (path, text) in files {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                chmod(path, 0o600)
            }
        }
    }

    /// What one protected run gave: the LEMF's exit status, summary and records, the run's standard error.
    struct Outcome {
        var lemfStatus: Int32
        var lemfSummary: String
        var records: [(liid: String, cin: Int, kind: String, seq: Int, redelivery: Bool)]
        var runError: String
        var lemfOutput: String
    }

    static let scenarioName = "radius-basic"
    static let liid = "SHR-RB-ALICE"

    /// Runs the capture for alice's warrant only, its agency protected with `protection`, to a LEMF started with
    /// `lemfArguments`, HI3 through a proxy making `fault`.
    static func run(
        _ appliance: ApplianceBinary,
        protection: [String],
        lemfArguments: [String],
        fault: RecordTamperingProxy.Fault = .none
    ) throws -> Outcome {
        let lemf = try LEMFProcess(appliance: appliance, extraArguments: lemfArguments)
        let proxy = try RecordTamperingProxy(targetPort: lemf.port, fault: fault)
        defer { proxy.close() }
        let scenario = try CaptureScenario(scenarioName)
        let agency = try appliance.run(
            [
                "agency", "add", "LEA-A", "--hi2", "127.0.0.1:\(lemf.port)", "--hi3", "127.0.0.1:\(proxy.port)",
                "--plaintext", "--country", "NZ",
            ] + protection
        )
        #expect(agency.status == 0, "agency add: \(agency.standardError)")
        let servers = try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        #expect(servers.status == 0, "server add: \(servers.standardError)")
        let warrant = try appliance.run(
            [
                "warrant", "add", "ip", liid, "--agency", "LEA-A", "--user", "alice", "--auth-cc", "NZ",
                "--delivery-cc", "NZ",
            ]
        )
        #expect(warrant.status == 0, "warrant add: \(warrant.standardError)")
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        proxy.close()
        let (status, summary) = lemf.stop()
        let output = (try? String(contentsOfFile: lemf.outPath, encoding: .utf8)) ?? ""
        return Outcome(
            lemfStatus: status,
            lemfSummary: summary,
            records: lemf.records(),
            runError: run.standardError,
            lemfOutput: output
        )
    }

    static func protectionArguments(_ keys: KeyFiles, encrypted: Bool) -> [String] {
        (encrypted ? ["--encryption-key-file", keys.encryptionKey] : [])
            + [
                "--integrity", "sha256", "--integrity-every", "10", "--signing-key", keys.signingKey, "--sign-every",
                "3",
            ]
    }

    @Test("every record decrypts and decodes, every record is covered and every signature verifies; so offline")
    func encryptedAndSignedRecordsArriveIntact() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let saved = appliance.directory + "/records.der"
        let outcome = try Self.run(
            appliance,
            protection: Self.protectionArguments(keys, encrypted: true),
            lemfArguments: [
                "--decryption-key-file", keys.encryptionKey, "--verify-integrity", keys.publicKey, "--out-der", saved,
            ]
        )
        #expect(outcome.lemfStatus == 0, "\(outcome.lemfSummary)")
        #expect(!outcome.lemfOutput.contains("decryptionError"))
        let expected = try #require(try CaptureScenario(Self.scenarioName).expected[Self.liid])
        let records = outcome.records.filter { $0.liid == Self.liid && ($0.kind == "IRI" || $0.kind == "CC") }
        #expect(records.filter { $0.kind == "IRI" }.count == expected.iriTypes.count)
        #expect(records.filter { $0.kind == "CC" }.count == expected.ccTotal)
        #expect(completeStreams(records).gapless)
        let encryptedLines = outcome.lemfOutput.split(separator: "\n").filter { $0.contains(#""encrypted":true"#) }
        #expect(encryptedLines.count >= records.count)
        let total = expected.iriTypes.count + expected.ccTotal
        #expect(
            outcome.lemfSummary.contains(#"LIID "\#(Self.liid)": \#(total) records, \#(total) covered, 0 missing"#),
            "\(outcome.lemfSummary)"
        )
        #expect(outcome.lemfSummary.contains("failed: intact"), "\(outcome.lemfSummary)")
        #expect(outcome.runError.contains("  integrity    "), "\(outcome.runError)")

        let verified = try ProcessRunner.run(
            appliance.path,
            ["verify", saved, "--key", keys.publicKey, "--decryption-key-file", keys.encryptionKey]
        )
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        #expect(verified.standardOutput.contains(": intact\n"), "\(verified.standardOutput)")
    }

    @Test("the wrong decryption key is detected")
    func wrongDecryptionKey() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let outcome = try Self.run(
            appliance,
            protection: Self.protectionArguments(keys, encrypted: true),
            lemfArguments: ["--decryption-key-file", keys.otherEncryptionKey]
        )
        #expect(outcome.lemfStatus == 1, "\(outcome.lemfSummary)")
        #expect(outcome.lemfSummary.contains("encrypted records decrypted"), "\(outcome.lemfSummary)")
        #expect(outcome.lemfOutput.contains("decryptionError"))
    }

    @Test("a CC altered in transit is reported by the LEMF (hash mismatch), and by verify")
    func alteredRecordIsReported() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let saved = appliance.directory + "/records.der"
        let outcome = try Self.run(
            appliance,
            protection: Self.protectionArguments(keys, encrypted: false),
            lemfArguments: ["--verify-integrity", keys.publicKey, "--out-der", saved],
            fault: .flip(record: 7)
        )
        #expect(outcome.lemfStatus == 1, "\(outcome.lemfSummary)")
        #expect(outcome.lemfSummary.contains("FAILED"), "\(outcome.lemfSummary)")
        #expect(outcome.lemfSummary.contains(#"LIID "\#(Self.liid)""#), "\(outcome.lemfSummary)")
        let verified = try ProcessRunner.run(appliance.path, ["verify", saved, "--key", keys.publicKey])
        #expect(verified.status == 1, "\(verified.standardOutput)\(verified.standardError)")
    }

    @Test("a CC dropped in transit is reported by the LEMF as never arrived")
    func droppedRecordIsReported() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let keys = try KeyFiles(in: appliance.directory)
        let outcome = try Self.run(
            appliance,
            protection: Self.protectionArguments(keys, encrypted: true),
            lemfArguments: ["--decryption-key-file", keys.encryptionKey, "--verify-integrity", keys.publicKey],
            fault: .drop(record: 12)
        )
        #expect(outcome.lemfStatus == 1, "\(outcome.lemfSummary)")
        #expect(outcome.lemfSummary.contains("never arrived (dropped)"), "\(outcome.lemfSummary)")
    }
}
