import Foundation
import TestSupport
import Testing

/// A keep-alive is never stuck behind queued records: with more than 100,000 records spooled for an agency that was
/// down, the keep-alive of the new connection reaches the LEMF ahead of the backlog, and the whole backlog is then
/// acknowledged with no keep-alive timing out.
@Suite(.serialized)
struct KeepAliveBacklogTests {
    @Test func keepAlivesGoOutOnTimeWhile100000RecordsAreQueued() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let capture = appliance.directory + "/backlog.pcap"
        let made = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", RepositoryLayout.script("make-capture.py"), "--out", capture, "--users",
                "2",
                "--targets", "1", "--packets", "101000", "--target-share", "1.0", "--seed", "3",
            ]
        )
        #expect(made.status == 0, "make-capture: \(made.standardError)")
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        let port = probe.port
        _ = probe.stop()
        let endpoint = "127.0.0.1:\(port)"
        try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--keepalive", "2",
            "--keepalive-wait", "1", "--country", "NZ",
        ])
        try appliance.run(["server", "add", "radius", "10.255.0.1"])
        try appliance.run(["warrant", "add", "ip", "BACKLOG", "--agency", "LEA-A", "--user", "user00001"])
        try appliance.run(["warrant", "add", "ip", "BACKLOG2", "--agency", "LEA-A", "--user", "user00002"])
        let spooled = try appliance.run(["run", "--pcap", capture, "--retry", "1", "--drain-timeout", "1"])
        #expect(spooled.status == 3)
        let queued = try #require(
            spooled.standardError.firstMatch(of: /UNDELIVERED  (\d+) records for LEA-A HI3/).flatMap { Int($0.1) }
        )
        #expect(queued > 100_000)

        let lemf = try LEMFProcess(appliance: appliance, port: port)
        let empty = appliance.directory + "/empty.pcap"
        try CraftedCapture().write(to: empty)
        let drained = try appliance.run(["run", "--pcap", empty, "--retry", "1", "--drain-timeout", "120"])
        #expect(drained.status == 0, "run: \(drained.standardError)")
        #expect(!drained.standardError.contains("no keep-alive response"))
        let (status, summary) = lemf.stop()
        #expect(status == 0, "lemf: \(summary)")
        let lines = try String(contentsOfFile: lemf.outPath, encoding: .utf8).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let ccConnection = try #require(lines.first { $0["kind"] as? String == "CC" }?["connection"] as? Int)
        let hi3 = lines.filter { $0["connection"] as? Int == ccConnection }
        let firstKeepAlive = try #require(hi3.firstIndex { $0["kind"] as? String == "TRI" })
        #expect(firstKeepAlive < 1000, "the first keep-alive came after \(firstKeepAlive) records")
        #expect(lines.filter { $0["kind"] as? String == "CC" }.count == queued)
    }
}
