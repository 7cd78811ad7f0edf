import Foundation
import TestSupport
import Testing

/// Live capture on the loopback interface with two shards in one PACKET_FANOUT group: RADIUS accounting and a
/// target's UDP traffic sent with real sockets while `run --interface lo --shards 2` captures, delivered to the
/// independent decoder; `status` shows both live shards.
@Suite(.serialized)
struct LiveCaptureTests {
    /// Sends Accounting Start for liveuser (127.0.77.5), 200 datagrams each way between the target and a peer,
    /// Accounting Stop, then 50 more datagrams that must not be intercepted.
    static let sender = E2ESetup.liveSender(
        prefix: "127.0.77",
        session: "sess-live-1",
        traffic: """
            nas.sendto(accounting(1, 1), ("127.0.77.2", 1813))
            time.sleep(1)
            for i in range(200):
                target.sendto(b"x" * 100, peer.getsockname())
                peer.sendto(b"y" * 100, target.getsockname())
                time.sleep(0.001)
            time.sleep(1)
            nas.sendto(accounting(2, 2), ("127.0.77.2", 1813))
            time.sleep(1)
            for i in range(50):
                target.sendto(b"z" * 100, peer.getsockname())
            """
    )

    @Test func twoFanoutShardsCaptureTheTargetsTraffic() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        for command in [
            ["agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "radius", "127.0.77.2:1813"],
            ["warrant", "add", "ip", "LIVE-1", "--agency", "LEA-A", "--user", "liveuser"],
        ] {
            let result = try appliance.run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--interface", "lo", "--shards", "2", "--retry", "1", "--db", appliance.databasePath,
                "--spool", appliance.spoolDirectory,
            ]
        )
        #expect(run.waitForError("HI3") != nil, "run: \(run.standardError)")
        Thread.sleep(forTimeInterval: 1.5)
        let script = appliance.directory + "/send.py"
        try Self.sender.write(toFile: script, atomically: true, encoding: .utf8)
        let sent = try ProcessRunner.run("/usr/bin/env", ["python3", script])
        #expect(sent.status == 0, "sender: \(sent.standardError)")
        Thread.sleep(forTimeInterval: 1.5)
        let status = try appliance.run(["status"])
        #expect(status.standardOutput.contains("shard 0:   lo"), "status: \(status.standardOutput)")
        #expect(status.standardOutput.contains("shard 1:   lo"), "status: \(status.standardOutput)")
        #expect(run.interrupt() == 0, "run: \(run.standardError)")

        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(!log.contains("CHECK FAILED"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.liid == "LIVE-1" }
        #expect(records.filter { $0.kind == "IRI" }.map(\.iriType) == ["iRI-Begin", "iRI-End"])
        let ccs = records.filter { $0.kind == "CC" }
        #expect(ccs.count == 400, "CCs \(ccs.count)")
        #expect(ccs.filter { $0.direction == "fromTarget" }.count == 200)
        #expect(Set(records.map(\.cin)).count == 1)
    }
}
