import Foundation
import TestSupport
import Testing

/// `run` configured by a file: alone, overridden by the command line, and found through the environment.
@Suite(.serialized)
struct ConfigRunTests {
    /// radius-basic delivered with every setting from the file: store, spool, capture, shards, retry.
    @Test func aRunConfiguredOnlyByTheFileDelivers() throws {
        let scenario = try CaptureScenario("radius-basic")
        let file = try ConfigFile(
            ConfigFile.scratchState + [
                "pcap:", "  - \(scenario.pcapPath)", "retry: 1", "shards: 2", "operator-id: isp-nz",
                "log-level: notice",
            ]
        )
        defer { file.cleanUp() }
        let lemf = try RecordCheckListener()
        try RADIUSCaptureTests.configure(scenario, on: file.appliance, lemfPort: lemf.port)
        let run = try ProcessRunner.run(
            file.appliance.path,
            ["run"],
            environment: ["OPENLI_APPLIANCE_CONFIG": file.path]
        )
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("openli-appliance run: summary"))
        let records = RADIUSCaptureTests.received(by: lemf, scenario: scenario)
        try RADIUSCaptureTests.expectRecords(records, of: scenario)
        #expect(FileManager.default.fileExists(atPath: file.appliance.spoolDirectory))
    }

    /// A flag on the command line beats the file's value; a list on the command line replaces the file's.
    @Test func theCommandLineOverridesTheFile() throws {
        let ports = (4790...4796).map(String.init).joined(separator: ", ")
        let file = try ConfigFile(
            ConfigFile.scratchState + [
                "pcap: [$DIR/missing.pcap]", "shards: 99", "vxlan-port: [\(ports)]", "log-level: loud",
            ]
        )
        defer { file.cleanUp() }
        let agency = try file.appliance.run(
            [
                "agency", "add", "NZ-POLICE", "--hi2", "127.0.0.1:9", "--hi3", "127.0.0.1:9", "--plaintext",
                "--country",
                "NZ",
            ])
        #expect(agency.status == 0, "agency add: \(agency.standardError)")

        let refused = try file.run()
        #expect(refused.status == 2)
        #expect(refused.standardError.hasPrefix("run: \(file.path):6: log-level: \"loud\""), "\(refused.standardError)")

        let overridden = try file.run([
            "--pcap", RepositoryLayout.capture("radius-basic.pcap"), "--shards", "1", "--vxlan-port", "8472",
            "--vxlan-port=4789", "--log-level", "warning", "--drain-timeout", "0",
        ])
        #expect(overridden.status == 0, "run: \(overridden.standardError)")
        #expect(overridden.standardError.contains("openli-appliance run: summary"))

        let fileValue = try file.run(["--log-level", "warning"])
        #expect(fileValue.status == 2)
        #expect(fileValue.standardError.hasPrefix("run: \(file.path):4: shards: 99 is not in 1...64"))
    }
}
