import Foundation
import TestSupport
import Testing

/// Run state belongs to one store: the spool (records, sequence journal, status file) defaults to a directory beside
/// the store, records the store's id, and a run refuses another store's spool unless `--spool-adopt` (audited).
@Suite(.serialized)
struct RunStateStoreTests {
    /// A port nothing listens on: the agency is down.
    func closedPort(_ appliance: ApplianceBinary) throws -> Int {
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        _ = probe.stop()
        return probe.port
    }

    /// Agency LEA-A at `port`, the capture's RADIUS servers and a warrant on alice; returns the capture.
    func configure(_ appliance: ApplianceBinary, db: String, port: Int) throws -> CaptureScenario {
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(port)"
        let steps = [
            ["agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "radius"] + scenario.radiusServers,
            ["warrant", "add", "ip", "RS-ALICE", "--agency", "LEA-A", "--user", "alice"],
        ]
        for step in steps {
            let result = try ProcessRunner.run(appliance.path, step + ["--db", db])
            #expect(result.status == 0, "\(step): \(result.standardError)")
        }
        return scenario
    }

    func run(_ appliance: ApplianceBinary, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(appliance.path, ["run", "--retry", "1", "--drain-timeout", "1"] + arguments)
    }

    func marker(_ spool: String) -> String? {
        (try? String(contentsOfFile: spool + "/.store-id", encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines
        )
    }

    @Test func anotherStoresSpoolIsRefusedUnlessAdoptedAndTheAdoptionIsAudited() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let port = try closedPort(appliance)
        let storeA = appliance.directory + "/a/warrants.sqlite"
        let storeB = appliance.directory + "/b/warrants.sqlite"
        let spool = appliance.directory + "/shared-spool"
        let scenario = try configure(appliance, db: storeA, port: port)
        _ = try configure(appliance, db: storeB, port: port)

        let first = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeA, "--spool", spool])
        #expect(first.status == 3, "run A: \(first.standardError)")
        let owner = try #require(marker(spool))

        let refused = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeB, "--spool", spool])
        #expect(refused.status == 2)
        let lines = refused.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(refused.standardError)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("run: spool \(spool) belongs to store \(owner), not to \(storeB) (store "))
        #expect(line.hasSuffix("); use --spool-adopt to take it over"))
        #expect(marker(spool) == owner)

        let adopted = try run(
            appliance,
            ["--pcap", scenario.pcapPath, "--db", storeB, "--spool", spool, "--spool-adopt"]
        )
        #expect([0, 3].contains(adopted.status), "run B: \(adopted.standardError)")
        let newOwner = try #require(marker(spool))
        #expect(newOwner != owner)
        let audit = try ProcessRunner.run(appliance.path, ["audit", "list", "--db", storeB])
        #expect(audit.standardOutput.contains("spool.adopt"))
        #expect(audit.standardOutput.contains(spool))
        let verify = try ProcessRunner.run(appliance.path, ["audit", "verify", "--db", storeB])
        #expect(verify.status == 0, "\(verify.standardError)")

        let again = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeB, "--spool", spool])
        #expect([0, 3].contains(again.status), "run B again: \(again.standardError)")
        let refusedNow = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeA, "--spool", spool])
        #expect(refusedNow.status == 2)
    }

    @Test func eachStoreGetsItsOwnSpoolBesideItAndStatusFindsIt() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let port = try closedPort(appliance)
        let storeA = appliance.directory + "/a.sqlite"
        let storeB = appliance.directory + "/b.sqlite"
        let scenario = try configure(appliance, db: storeA, port: port)
        _ = try configure(appliance, db: storeB, port: port)

        let first = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeA])
        #expect(first.status == 3, "run A: \(first.standardError)")
        let second = try run(appliance, ["--pcap", scenario.pcapPath, "--db", storeB])
        #expect(second.status == 3, "run B: \(second.standardError)")
        #expect(!second.standardError.contains("from an earlier run"))
        let spoolA = appliance.directory + "/a.spool"
        let spoolB = appliance.directory + "/b.spool"
        let ownerA = try #require(marker(spoolA))
        let ownerB = try #require(marker(spoolB))
        #expect(ownerA != ownerB)
        #expect(FileManager.default.fileExists(atPath: spoolA + "/sequence-numbers.journal"))
        #expect(FileManager.default.fileExists(atPath: spoolB + "/sequence-numbers.journal"))

        let status = try ProcessRunner.run(appliance.path, ["status", "--db", storeA])
        #expect(status.status == 0, "status: \(status.standardError)")
        #expect(status.standardOutput.contains("LEA-A"))
        let missing = try ProcessRunner.run(appliance.path, ["status", "--db", appliance.directory + "/c.sqlite"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains(appliance.directory + "/c.spool/status.json"))
    }

    @Test func aSpoolWithRunStateButNoMarkerIsRefusedUnlessAdopted() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let port = try closedPort(appliance)
        let store = appliance.directory + "/warrants.sqlite"
        let spool = appliance.directory + "/old-spool"
        let scenario = try configure(appliance, db: store, port: port)
        try FileManager.default.createDirectory(
            atPath: spool + "/LEA-A",
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        #expect(
            FileManager.default.createFile(
                atPath: spool + "/sequence-numbers.journal",
                contents: nil,
                attributes: [.posixPermissions: 0o600]
            )
        )

        let refused = try run(appliance, ["--pcap", scenario.pcapPath, "--db", store, "--spool", spool])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("holds run state of an unknown store (no marker)"))
        #expect(refused.standardError.contains("--spool-adopt"))
        let adopted = try run(
            appliance,
            ["--pcap", scenario.pcapPath, "--db", store, "--spool", spool, "--spool-adopt"]
        )
        #expect(adopted.status != 2, "\(adopted.standardError)")
        #expect(marker(spool) != nil)
    }
}
