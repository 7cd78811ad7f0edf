import Foundation
import TestSupport
import Testing

/// Live capture cannot wait: while a spool refuses records (its quota reached, the agency away), the live shards
/// read and drop every packet, and say so in the logs, in `status` and in the summary, by cause. What was produced
/// before stays spooled, exactly as the summary counts it.
@Suite(.serialized)
struct LiveSpoolFullTests {
    /// Accounting Start for liveuser (127.0.78.5), then 4000 datagrams of 1000 bytes from the target to a peer.
    static let sender = E2ESetup.liveSender(
        prefix: "127.0.78",
        session: "sess-full-1",
        traffic: """
            nas.sendto(accounting(1, 1), ("127.0.78.2", 1813))
            time.sleep(1)
            for i in range(4000):
                target.sendto(b"x" * 1000, peer.getsockname())
                if i % 100 == 0: time.sleep(0.01)
            """
    )

    @Test func packetsNotTakenWhileTheSpoolIsFullAreCountedAsDrops() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        _ = probe.stop()
        try E2ESetup.addPlaintextAgency(appliance, port: probe.port)
        for command in [
            ["server", "add", "radius", "127.0.78.2:1813"],
            ["warrant", "add", "ip", "LIVE-FULL", "--agency", "LEA-A", "--user", "liveuser"],
        ] {
            let result = try appliance.run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--interface", "lo", "--shards", "1", "--retry", "1", "--spool-quota", "1M",
                "--drain-timeout", "1", "--db", appliance.databasePath, "--spool", appliance.spoolDirectory,
            ]
        )
        #expect(run.waitForError("HI3") != nil, "run: \(run.standardError)")
        Thread.sleep(forTimeInterval: 1.5)
        let script = appliance.directory + "/send.py"
        try Self.sender.write(toFile: script, atomically: true, encoding: .utf8)
        let sent = try ProcessRunner.run("/usr/bin/env", ["python3", script])
        #expect(sent.status == 0, "sender: \(sent.standardError)")
        Thread.sleep(forTimeInterval: 2)
        let status = try appliance.run(["status"])
        #expect(status.standardOutput.contains("CAPTURE WAITING"), "status: \(status.standardOutput)")
        #expect(status.standardOutput.contains("DROPPED while a spool refused records"), "\(status.standardOutput)")
        #expect(run.terminate() == 3, "run: \(run.standardError)")
        let summary = run.standardError
        #expect(summary.contains("spool quota reached"))
        #expect(summary.contains("DROPPED"))
        let dropped = try #require(SpoolFullTests.number(after: "WHILE A SPOOL REFUSED RECORDS ", in: summary))
        #expect(dropped > 0)
        let produced = try #require(SpoolFullTests.number(after: "records      ", in: summary))
        let spooled = SpoolFullTests.numbers(after: "UNDELIVERED  ", in: summary).reduce(0, +)
        #expect(spooled == produced, "summary: \(summary)")
        #expect(produced + dropped <= 4002 + 200)
    }
}
