import Foundation
import TestSupport
import Testing

/// Handover when the agency is not there: records wait in memory while the appliance retries, and a file run whose
/// agency never comes up ends with exit status 3 and says what is left.
@Suite(.serialized)
struct HandoverTests {
    /// A configured store for radius-basic with one warrant (alice) delivered to `port`.
    func configure(_ appliance: ApplianceBinary, port: Int) throws -> CaptureScenario {
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(port)"
        try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
        ])
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        return scenario
    }

    /// A local port with nothing listening on it.
    func freePort() throws -> Int {
        let probe = try RecordCheckListener()
        let port = probe.port
        _ = probe.finish(closedConnections: 0, timeout: 0)
        return port
    }

    @Test func recordsWaitWhileTheAgencyIsDownAndArriveWhenItComesUp() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let port = try freePort()
        let scenario = try configure(appliance, port: port)
        let late = LateListener(port: port, delay: 3)
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "60"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("unreachable, retrying"))
        let listener = try #require(late.listener())
        let (json, log) = listener.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init)
        #expect(records.filter { $0.kind == "IRI" }.count == 4)
        #expect(records.filter { $0.kind == "CC" }.count == 72)
    }

    @Test func anAgencyThatNeverComesUpEndsAFileRunWithStatus3() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let scenario = try configure(appliance, port: try freePort())
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "2"])
        #expect(run.status == 3)
        #expect(run.standardError.contains("UNDELIVERED  4 records for LEA-A HI2"))
        #expect(run.standardError.contains("UNDELIVERED  72 records for LEA-A HI3"))
    }

    @Test func anUnusableSpoolStopsTheRunWithStatus1() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let scenario = try configure(appliance, port: try freePort())
        let notADirectory = appliance.directory + "/spool-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: notADirectory))
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--spool", notADirectory])
        #expect(run.status == 1)
        #expect(
            run.standardError.contains("run: --spool \(notADirectory): not a directory"),
            "run: \(run.standardError)"
        )
    }

    @Test func anAgencyCanAskForOpenLIObjectIdentifiersAndGeneralizedTime() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(lemf.port)"
        try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
            "--etsi-profile", "openli", "--timestamp", "generalized",
        ])
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath])
        #expect(run.status == 0, "run: \(run.standardError)")
        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let pdus = json.compactMap { $0["pdu"] as? [String: Any] }
        let headers = pdus.compactMap { $0["pSHeader"] as? [String: Any] }
        #expect(headers.count > 70)
        #expect(headers.allSatisfy { $0["li-psDomainId"] as? String == "0.4.0.2.2.5.1.17" })
        #expect(headers.allSatisfy { $0["timeStamp"] != nil && $0["microSecondTimeStamp"] == nil })
        let text = json.map { "\($0)" }.joined()
        #expect(text.contains("5.3.10.2") && text.contains("5.3.10.1"))
        #expect(!text.contains("5.3.18."))
    }
}

/// Starts an `record-check` listener on a fixed port after a delay, on another thread.
final class LateListener: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var started: RecordCheckListener?

    init(port: Int, delay: TimeInterval) {
        Thread.detachNewThread { [self] in
            Thread.sleep(forTimeInterval: delay)
            started = try? RecordCheckListener(port: port)
            done.signal()
        }
    }

    /// The listener, once it has started (nil if it could not).
    func listener() -> RecordCheckListener? {
        done.wait()
        return started
    }
}
