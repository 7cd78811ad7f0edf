import Foundation
import TestSupport
import Testing

/// Nothing lost: the LEMF goes away and comes back, the appliance is killed while the LEMF is down, a spool segment
/// is torn, a LEMF stops answering keep-alives, and a session's numbering goes on across a restart.
@Suite(.serialized)
struct SpoolHandoverTests {
    func configure(_ appliance: ApplianceBinary, port: Int, keepalive: Int = 2) throws -> CaptureScenario {
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(port)"
        try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
            "--keepalive", "\(keepalive)", "--keepalive-wait", "\(keepalive / 2)",
        ])
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        try appliance.run(["warrant", "add", "ip", "SHR-RB-BOB", "--agency", "LEA-A", "--user", "bob"])
        return scenario
    }

    func spool(_ appliance: ApplianceBinary) -> String { appliance.directory + "/spool" }

    /// An empty capture: a run that only delivers what is spooled.
    func emptyCapture(_ appliance: ApplianceBinary) throws -> String {
        let path = appliance.directory + "/empty.pcap"
        try CraftedCapture().write(to: path)
        return path
    }

    @Test func theLEMFGoesAwayMidStreamAndEveryRecordStillArrives() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let first = try LEMFProcess(appliance: appliance, name: "first")
        let scenario = try configure(appliance, port: first.port)
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", scenario.pcapPath, "--realtime", "--retry", "1", "--spool", spool(appliance), "--db",
                appliance.databasePath,
            ]
        )
        Thread.sleep(forTimeInterval: 3)
        first.process.crash()
        Thread.sleep(forTimeInterval: 2)
        let second = try LEMFProcess(appliance: appliance, port: first.port, name: "second")
        #expect(run.wait(timeout: 90) == 0, "run: \(run.standardError)")
        _ = second.stop()
        let streams = completeStreams(first.records() + second.records())
        #expect(streams.gapless)
        #expect(streams.iris == 8)
        #expect(streams.ccs == 72 + 108)
        #expect(run.standardError.contains("lost") || run.standardError.contains("unreachable"))
    }

    @Test func killedWhileTheLEMFIsDownAndRestartedEverySpooledRecordArrives() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        let port = probe.port
        _ = probe.stop()
        let scenario = try configure(appliance, port: port)
        let doomed = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", scenario.pcapPath, "--retry", "1", "--spool", spool(appliance), "--db",
                appliance.databasePath,
            ]
        )
        Thread.sleep(forTimeInterval: 4)
        doomed.crash()
        let lemf = try LEMFProcess(appliance: appliance, port: port)
        let restarted = try appliance.run([
            "run", "--pcap", try emptyCapture(appliance), "--retry", "1", "--spool", spool(appliance),
        ])
        #expect(restarted.status == 0, "run: \(restarted.standardError)")
        #expect(restarted.standardError.contains("from an earlier run"))
        _ = lemf.stop()
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.iris == 8)
        #expect(streams.ccs == 72 + 108)
    }

    @Test func aTornSpoolSegmentIsRepairedOnStart() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        let port = probe.port
        _ = probe.stop()
        let scenario = try configure(appliance, port: port)
        let down = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "1", "--spool", spool(appliance),
        ])
        #expect(down.status == 3)
        let directory = spool(appliance) + "/LEA-A/HI3"
        let segments = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".spool") }
            .sorted()
        let last = try #require(segments.last)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: directory + "/" + last))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - 7)
        try handle.close()
        let lemf = try LEMFProcess(appliance: appliance, port: port)
        let repaired = try appliance.run([
            "run", "--pcap", try emptyCapture(appliance), "--retry", "1", "--spool", spool(appliance),
        ])
        #expect(repaired.status == 0, "run: \(repaired.standardError)")
        #expect(repaired.standardError.contains("torn"))
        _ = lemf.stop()
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.iris == 8)
        #expect(streams.ccs > 0 && streams.ccs < 72 + 108)
    }

    @Test func aLEMFThatStopsAnsweringKeepAlivesIsDroppedAndReconnected() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let silent = try BackgroundProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import socket, sys, threading
                s = socket.create_server(("127.0.0.1", 0))
                print("silent: listening on 127.0.0.1:%d" % s.getsockname()[1], file=sys.stderr, flush=True)
                n = 0
                while True:
                    c, _ = s.accept()
                    n += 1
                    print("silent: accepted %d" % n, file=sys.stderr, flush=True)
                    threading.Thread(target=lambda c=c: [None for _ in iter(lambda: c.recv(65536), b"")], daemon=True).start()
                """,
            ]
        )
        let port = try #require(silent.waitForError(#"listening on [^ ]+:(\d+)"#).flatMap { Int($0) })
        let scenario = try configure(appliance, port: port)
        let run = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "6", "--spool", spool(appliance),
        ])
        #expect(run.status == 3)
        #expect(run.standardError.contains("no keep-alive response"))
        #expect(silent.waitForError("accepted (4)", timeout: 1) != nil, "reconnects: \(silent.standardError)")
        silent.crash()
    }

    /// A target session opened by accounting (so its CIN is the same in every run), split into two captures.
    func carryOnCaptures(_ appliance: ApplianceBinary, port: Int) throws -> [String] {
        _ = try configure(appliance, port: port, keepalive: 300)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "CARRY-ON", "--agency", "LEA-A", "--user", "dana"])
        var before = CraftedCapture()
        BulkSessionCapture.accounting(1, into: &before)
        BulkSessionCapture.traffic(5, into: &before)
        var after = CraftedCapture()
        after.timeMicros = before.timeMicros + 60_000_000
        BulkSessionCapture.accounting(3, into: &after)
        BulkSessionCapture.traffic(4, into: &after)
        BulkSessionCapture.accounting(2, into: &after)
        var paths: [String] = []
        for (index, capture) in [before, after].enumerated() {
            let path = appliance.directory + "/part\(index).pcap"
            try capture.write(to: path)
            paths.append(path)
        }
        return paths
    }

    @Test func aSessionContinuesItsNumberingAfterARestart() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        for path in try carryOnCaptures(appliance, port: lemf.port) {
            let run = try appliance.run(["run", "--pcap", path])
            #expect(run.status == 0, "run: \(run.standardError)")
        }
        _ = lemf.stop()
        let records = lemf.records().filter { $0.liid == "CARRY-ON" }
        #expect(Set(records.map(\.cin)).count == 1)
        #expect(records.filter { $0.kind == "CC" }.map(\.seq) == Array(0..<9))
        #expect(records.filter { $0.kind == "IRI" }.map(\.seq) == Array(0..<3))
        #expect(records.allSatisfy { !$0.redelivery })
    }

    @Test func aLostNumberingStateIsAnnouncedWithCINReset() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let parts = try carryOnCaptures(appliance, port: lemf.port)
        #expect(try appliance.run(["run", "--pcap", parts[0]]).status == 0)
        try FileManager.default.removeItem(atPath: appliance.spoolDirectory + "/sequence-numbers.journal")
        let second = try appliance.run(["run", "--pcap", parts[1]])
        #expect(second.status == 0)
        #expect(second.standardError.contains("cINReset"))
        let (status, summary) = lemf.stop()
        #expect(status == 0, "lemf: \(summary)")
        let records = lemf.records().filter { $0.liid == "CARRY-ON" }
        #expect(records.filter { $0.kind == "TRI" }.count == 2)
        #expect(records.filter { $0.kind == "CC" }.map(\.seq) == Array(0..<5) + Array(0..<4))
    }

}
