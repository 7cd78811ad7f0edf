import Foundation
import TestSupport
import Testing

/// The spool holds intercepted traffic, agency names, addresses and certificates: `run` refuses an existing spool
/// directory that the group or others may enter (exit status 2, naming the path and the mode), and makes a new one
/// 0700 with every file in it 0600, the status file included.
@Suite(.serialized)
struct SpoolPermissionTests {
    @Test(arguments: [0o755, 0o750, 0o1777])
    func anExistingOpenSpoolDirectoryIsRefused(_ mode: Int) throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let scenario = try CaptureScenario("radius-basic")
        try E2ESetup.addPlaintextAgency(appliance, port: 9)
        let spool = appliance.spoolDirectory
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        #expect(chmod(spool, mode_t(mode)) == 0)
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath])
        #expect(run.status == 2)
        let shown = String(mode, radix: 8)
        #expect(run.standardError == "run: \(spool) is open to group or others (mode 0\(shown)); chmod 700 \(spool)\n")
        #expect(try permissions(spool) == mode)
    }

    @Test func aNewSpoolIsOwnerOnlyWithEveryFileInIt() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        let scenario = try CaptureScenario("radius-basic")
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        let spool = appliance.spoolDirectory
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath])
        #expect(run.status == 0, "run: \(run.standardError)")
        let again = try appliance.run(["run", "--pcap", scenario.pcapPath])
        #expect(again.status == 0, "a second run over the spool the first made: \(again.standardError)")
        _ = lemf.stop()
        #expect(try permissions(spool) == 0o700)
        let walker = try #require(FileManager.default.enumerator(atPath: spool))
        var files = 0
        for case let name as String in walker {
            let path = spool + "/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                #expect(try permissions(path) & 0o077 == 0, "\(name)")
            } else {
                files += 1
                #expect(try permissions(path) == 0o600, "\(name)")
            }
        }
        #expect(files >= 4)
        #expect(FileManager.default.fileExists(atPath: spool + "/status.json"))
    }

    @Test func aRealtimeReplayStopsAtOnceOnSIGTERM() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
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
        Thread.sleep(forTimeInterval: 3)
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        let packets = try #require(SpoolFullTests.number(after: "packets      ", in: run.standardError))
        #expect(packets > 5 && packets < 100, "a 60-second replay stopped after 3 s read \(packets) packets")
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.ccs == packets - 1)
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o7777
    }
}
