import Foundation
import TestSupport
import Testing

/// Warrants added, modified and ended with the CLI while `run` replays a capture at its own pace: the running
/// appliance follows the store within a second, sends HI1 notifications, and starts and stops interception of a
/// user who is already online.
@Suite(.serialized)
struct LiveWarrantTests {
    @Test func addModifyAndEndAWarrantWhileRunning() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(lemf.port)"
        try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
            "--keepalive", "2", "--keepalive-wait", "1",
        ])
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", scenario.pcapPath, "--realtime", "--retry", "1", "--spool", appliance.spoolDirectory,
                "--db", appliance.databasePath,
            ]
        )
        Thread.sleep(forTimeInterval: 2)
        #expect(
            try appliance.run(["warrant", "add", "ip", "BOB-LIVE", "--agency", "LEA-A", "--user", "bob"]).status == 0
        )
        Thread.sleep(forTimeInterval: 2.5)
        #expect(try appliance.run(["warrant", "modify", "SHR-RB-ALICE", "--deliver", "iri"]).status == 0)
        Thread.sleep(forTimeInterval: 2)
        #expect(try appliance.run(["warrant", "end", "BOB-LIVE"]).status == 0)
        #expect(run.wait(timeout: 90) == 0, "run: \(run.standardError)")
        let (status, summary) = lemf.stop()
        #expect(status == 0, "lemf: \(summary)")
        let lines = try String(contentsOfFile: lemf.outPath, encoding: .utf8).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let notifications = lines.filter { $0["kind"] as? String == "HI1" }.map {
            "\($0["liid"] as? String ?? "?") \($0["hi1"] as? String ?? "?")"
        }
        #expect(notifications == ["BOB-LIVE liActivated", "SHR-RB-ALICE liModified", "BOB-LIVE liDeactivated"])
        let bob = lines.filter { $0["liid"] as? String == "BOB-LIVE" && $0["kind"] as? String == "IRI" }.map {
            "\($0["iriType"] as? String ?? "?") \($0["event"] as? String ?? "?")"
        }
        #expect(bob.first == "iRI-Begin startOfInterceptionWithSessionActive")
        #expect(bob.last == "iRI-Report endOfInterceptionWithSessionActive")
        #expect(!bob.contains { $0.hasPrefix("iRI-End") })
        let bobCCs = lines.filter { $0["liid"] as? String == "BOB-LIVE" && $0["kind"] as? String == "CC" }.count
        #expect(bobCCs > 0 && bobCCs < 108)
        let aliceCCs = lines.filter { $0["liid"] as? String == "SHR-RB-ALICE" && $0["kind"] as? String == "CC" }.count
        #expect(aliceCCs > 0 && aliceCCs < 72)
    }
}
