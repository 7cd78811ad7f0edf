import Foundation
import TestSupport
import Testing

/// `run` under a service manager: sd_notify states on `$NOTIFY_SOCKET` (READY once capture runs, WATCHDOG while
/// the pipeline makes progress, RELOADING and READY around SIGHUP, STOPPING at the end), and its log formats.
@Suite(.serialized)
struct ServiceManagerTests {
    /// A realtime replay of dana's session lasting about `seconds`, with its agency, server and warrant stored.
    private static func slowRun(
        _ appliance: ApplianceBinary,
        lemf: LEMFProcess,
        seconds: Int,
        extra: [String] = [],
        environment: [String: String] = [:]
    ) throws -> BackgroundProcess {
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "SVC-DANA", "--agency", "LEA-A", "--user", "dana"])
        let capture = appliance.directory + "/slow.pcap"
        try BulkSessionCapture.write(to: capture, packets: seconds * 10, payloadBytes: 100, spacingMicros: 100_000)
        return try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", capture, "--realtime", "--spool", appliance.spoolDirectory, "--db",
                appliance.databasePath,
            ]
                + extra,
            environment: environment
        )
    }

    @Test func notifiesReadyWatchdogReloadingAndStopping() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let socket = try NotifySocket()
        defer { socket.close() }
        let run = try Self.slowRun(
            appliance,
            lemf: lemf,
            seconds: 60,
            environment: ["NOTIFY_SOCKET": socket.environmentValue, "WATCHDOG_USEC": "200000"]
        )
        let ready = try #require(socket.wait(for: "READY=1"), "no READY=1: \(run.standardError)")
        let firstPing = try #require(socket.wait(for: "WATCHDOG=1", after: ready + 1))
        #expect(socket.wait(for: "WATCHDOG=1", after: firstPing + 1) != nil, "the watchdog is pinged again")
        kill(run.processIdentifier, SIGHUP)
        let reloading = try #require(socket.wait(for: "RELOADING=1"), "\(socket.received)")
        #expect(socket.wait(for: "READY=1", after: reloading + 1) != nil)
        #expect(run.waitForError("SIGHUP: no configuration file to re-read") != nil)
        #expect(run.isRunning, "SIGHUP does not end the run")
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        #expect(socket.wait(for: "STOPPING=1", timeout: 5) != nil, "\(socket.received)")
    }

    @Test func aReloadReReadsTheConfigurationFilesLogLevel() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let config = appliance.directory + "/run.conf"
        try "log-level: info\n".write(toFile: config, atomically: true, encoding: .utf8)
        let run = try Self.slowRun(appliance, lemf: lemf, seconds: 60, extra: ["--config", config])
        #expect(run.waitForError("HI3") != nil, "run: \(run.standardError)")
        try "log-level: debug\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(run.processIdentifier, SIGHUP)
        #expect(run.waitForError("configuration re-read; log level info -> debug") != nil, "\(run.standardError)")
        try "log-level: loud\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(run.processIdentifier, SIGHUP)
        #expect(run.waitForError("\(config):1: log-level") != nil, "\(run.standardError)")
        #expect(run.isRunning, "a bad configuration on reload does not end the run")
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
    }

    @Test func jsonLogLinesParseAndCarryLevelLabelMessageAndMetadata() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let run = try Self.slowRun(appliance, lemf: lemf, seconds: 1, extra: ["--log-format", "json"])
        #expect(run.wait() == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        let lines = run.standardError.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count >= 2, "\(run.standardError)")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] is String, "\(line)")
            #expect((object?["label"] as? String)?.hasPrefix("openli.") == true, "\(line)")
            #expect(object?["message"] is String, "\(line)")
            #expect(object?["metadata"] is [String: Any], "\(line)")
            #expect(object?["time"] is String, "\(line)")
        }
        #expect(lines.contains { $0.contains(#""message":"run: 1 warrants for 1 agencies"#) })
    }

    @Test func underJournaldTextLinesHaveAPriorityAndNoTime() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let run = try Self.slowRun(appliance, lemf: lemf, seconds: 1, environment: ["JOURNAL_STREAM": "8:12345"])
        #expect(run.wait() == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        let logged = run.standardError.split(separator: "\n").filter { $0.contains(" openli.") }
        #expect(logged.contains { $0.hasPrefix("<6>info openli.appliance: run: 1 warrants") }, "\(run.standardError)")
        let pattern = #/<[2-7]>(trace|debug|info|notice|warning|error|critical) openli\.[a-z.]+: .*/#
        for line in logged {
            #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
        }
    }

    @Test func aBadLogFormatIsOneLineAndExit2() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let run = try appliance.run(["run", "--pcap", "x.pcap", "--log-format", "xml"])
        #expect(run.status == 2)
        #expect(run.standardError == "run: --log-format \"xml\" is not text or json\n")
    }
}
