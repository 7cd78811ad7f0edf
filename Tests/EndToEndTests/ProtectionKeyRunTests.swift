import Foundation
import TestSupport
import Testing

/// `run` reads each agency's key files: the payload encryption key must be the one whose fingerprint the store holds,
/// or the run refuses to start (exit status 2, naming the agency, the path and both fingerprints); a live change whose
/// key cannot be read keeps the agency's previous protection, or stops the run when it had none.
@Suite(.serialized)
struct ProtectionKeyRunTests {
    static let keyA = String(repeating: "0a", count: 24)
    static let keyB = String(repeating: "0b", count: 24)

    @Test func aKeyFileWhoseFingerprintIsNotTheStoredOneRefusesTheRun() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let key = try writeKey(Self.keyA, in: appliance, name: "lea.key")
        try addAgency(appliance, port: 9, ["--encryption-key-file", key, "--integrity", "sha256"])
        let stored = try fingerprint(appliance)
        try writeKey(Self.keyB, in: appliance, name: "lea.key")
        let run = try appliance.run(["run", "--pcap", RepositoryLayout.capture("radius-basic.pcap")])
        #expect(run.status == 2)
        let lines = run.standardError.split(separator: "\n")
        let line = try #require(lines.first { $0.hasPrefix("run: agency LEA-A: ") })
        #expect(line.hasPrefix("run: agency LEA-A: encryption key file \(key) holds the key sha256:"))
        #expect(line.contains(", but the store names \(stored) "))
        #expect(!run.standardError.contains(Self.keyA) && !run.standardError.contains(Self.keyB))
    }

    @Test func aProtectedAgencyIsServedWithItsKeys() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let key = try writeKey(Self.keyA, in: appliance, name: "lea.key")
        let signing = appliance.directory + "/sign.pem"
        let made = try ProcessRunner.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ED25519", "-out", signing])
        #expect(made.status == 0)
        try addAgency(appliance, port: lemf.port, ["--encryption-key-file", key, "--integrity", "sha256"])
        #expect(try appliance.run(["agency", "modify", "LEA-A", "--signing-key", signing]).status == 0)
        let run = try appliance.run(["run", "--pcap", RepositoryLayout.capture("radius-basic.pcap")])
        _ = lemf.stop()
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("agency LEA-A protects its records: aes-192-cbc, sha256-signed"))
        #expect(!run.standardError.contains(Self.keyA))
    }

    @Test func aLiveChangeWhoseKeyCannotBeReadStopsTheRunWhenTheAgencyHadNoProtection() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try addAgency(appliance, port: lemf.port, [])
        let run = try slowRun(appliance)
        let key = try writeKey(Self.keyA, in: appliance, name: "late.key")
        #expect(try appliance.run(["agency", "modify", "LEA-A", "--encryption-key-file", key]).status == 0)
        try FileManager.default.removeItem(atPath: key)
        let status = run.wait(timeout: 30)
        _ = lemf.stop()
        #expect(status == 1)
        #expect(
            run.standardError.contains(
                "run: agency LEA-A: encryption key file \(key): cannot be read (No such file or directory)"
            ),
            "\(run.standardError)"
        )
    }

    @Test func aLiveChangeWhoseKeyCannotBeReadKeepsThePreviousProtection() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let first = try writeKey(Self.keyA, in: appliance, name: "first.key")
        try addAgency(appliance, port: lemf.port, ["--encryption-key-file", first])
        let run = try slowRun(appliance)
        let second = try writeKey(Self.keyB, in: appliance, name: "second.key")
        #expect(try appliance.run(["agency", "modify", "LEA-A", "--encryption-key-file", second]).status == 0)
        try FileManager.default.removeItem(atPath: second)
        #expect(run.waitForError("keeps its previous encryption and integrity settings", timeout: 20) != nil)
        #expect(run.isRunning)
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
    }

    @Test func aKeyFileRewrittenInPlaceIsNoticedAtTheNextChange() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let key = try writeKey(Self.keyA, in: appliance, name: "lea.key")
        try addAgency(appliance, port: lemf.port, ["--encryption-key-file", key])
        let run = try slowRun(appliance)
        try writeKey(Self.keyB, in: appliance, name: "lea.key")
        #expect(try appliance.run(["agency", "modify", "LEA-A", "--integrity", "sha256"]).status == 0)
        let seen = run.waitForError(
            "encryption key file \(key) holds the key sha256:[0-9a-f]+, but the store",
            timeout: 20
        )
        #expect(seen != nil, "\(run.standardError)")
        #expect(run.standardError.contains("keeps its previous encryption and integrity settings"))
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
    }

    /// A run replaying a 60-second capture in real time, with LEA-A's warrant; returned once it has started.
    private func slowRun(_ appliance: ApplianceBinary) throws -> BackgroundProcess {
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "BULK-DANA", "--agency", "LEA-A", "--user", "dana"])
        let capture = appliance.directory + "/slow.pcap"
        try BulkSessionCapture.write(to: capture, packets: 600, payloadBytes: 100, spacingMicros: 100_000)
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", capture, "--realtime", "--spool", appliance.spoolDirectory, "--db",
                appliance.databasePath,
            ]
        )
        #expect(run.waitForError("warrants for 1 agencies", timeout: 30) != nil, "\(run.standardError)")
        Thread.sleep(forTimeInterval: 1.5)
        return run
    }

    /// Adds the plaintext agency LEA-A (HI2 and HI3 at 127.0.0.1:`port`) with `options`, and a warrant to it.
    private func addAgency(_ appliance: ApplianceBinary, port: Int, _ options: [String]) throws {
        let endpoint = "127.0.0.1:\(port)"
        let added = try appliance.run(
            ["agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"]
                + options
        )
        #expect(added.status == 0, "agency add: \(added.standardError)")
        let scenario = try CaptureScenario("radius-basic")
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
    }

    /// Writes a key file (mode 0600) of `hex` digits; returns its path.
    @discardableResult
    private func writeKey(_ hex: String, in appliance: ApplianceBinary, name: String) throws -> String {
        let path = appliance.directory + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        #expect(
            FileManager.default.createFile(
                atPath: path,
                contents: Data((hex + "\n").utf8),
                attributes: [.posixPermissions: 0o600]
            )
        )
        return path
    }

    /// The fingerprint `agency show LEA-A` prints.
    private func fingerprint(_ appliance: ApplianceBinary) throws -> String {
        let show = try appliance.run(["agency", "show", "LEA-A"]).standardOutput
        let line = show.split(separator: "\n").first { $0.hasPrefix("encryption-key-fingerprint: ") }
        return line.map { String($0.dropFirst("encryption-key-fingerprint: ".count)) } ?? ""
    }
}
