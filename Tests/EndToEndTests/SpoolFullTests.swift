import Foundation
import TestSupport
import Testing

/// A spool that cannot take more (its quota reached, or its file system full) makes capture wait: no record that
/// was produced is lost, the agency gets every one once it is back, and a run stopped meanwhile says exactly what
/// its spool holds.
@Suite(.serialized)
struct SpoolFullTests {
    /// More records (about 8 MB) than the 1 MB quota and the 4 MiB in-memory queue of a connection hold together,
    /// so capture must wait before the end of the file; with fewer, a fast run could produce every record before
    /// the test stops it.
    static let packets = 60000

    /// LEA-A (plaintext, at a port where nothing listens yet), the RADIUS server and a warrant for dana; returns
    /// the port and the capture.
    func configure(_ appliance: ApplianceBinary) throws -> (port: Int, capture: String) {
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        let port = probe.port
        _ = probe.stop()
        try E2ESetup.addPlaintextAgency(appliance, port: port, keepalive: 2)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "BULK-DANA", "--agency", "LEA-A", "--user", "dana"])
        let capture = appliance.directory + "/bulk.pcap"
        try BulkSessionCapture.write(to: capture, packets: Self.packets)
        return (port, capture)
    }

    /// A run of `capture` into `spool` with the extra options, in the background.
    func start(
        _ appliance: ApplianceBinary,
        _ capture: String,
        spool: String,
        _ extra: [String]
    ) throws
        -> BackgroundProcess
    {
        try BackgroundProcess(
            appliance.path,
            ["run", "--pcap", capture, "--retry", "1", "--spool", spool, "--db", appliance.databasePath] + extra
        )
    }

    @Test func aFullQuotaPausesCaptureAndTheReturningAgencyGetsEveryRecord() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let (port, capture) = try configure(appliance)
        let run = try start(appliance, capture, spool: appliance.spoolDirectory, ["--spool-quota", "1M"])
        #expect(run.waitForError("spool quota reached") != nil, "run: \(run.standardError)")
        try expectEveryRecordOnceTheAgencyIsBack(run, appliance: appliance, port: port)
        #expect(run.standardError.contains("capture resumes"))
        #expect(run.standardError.contains("WAITED"))
        #expect(!run.standardError.contains("disk full"))
    }

    @Test func aRunStoppedWhileTheQuotaIsFullKeepsEveryProducedRecordSpooled() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let (port, capture) = try configure(appliance)
        let run = try start(
            appliance,
            capture,
            spool: appliance.spoolDirectory,
            ["--spool-quota", "1M", "--drain-timeout", "1"]
        )
        #expect(run.waitForError("spool quota reached") != nil, "run: \(run.standardError)")
        #expect(run.terminate() == 3, "run: \(run.standardError)")
        let summary = run.standardError
        let produced = try #require(Self.number(after: "records      ", in: summary))
        let spooled = Self.numbers(after: "UNDELIVERED  ", in: summary).reduce(0, +)
        #expect(produced > 0 && produced < Self.packets + 2)
        #expect(spooled == produced, "summary: \(summary)")
        #expect(!summary.contains("LOST"))
        let lemf = try LEMFProcess(appliance: appliance, port: port)
        let empty = appliance.directory + "/empty.pcap"
        try CraftedCapture().write(to: empty)
        let delivered = try appliance.run(["run", "--pcap", empty, "--retry", "1"])
        #expect(delivered.status == 0, "run: \(delivered.standardError)")
        _ = lemf.stop()
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.iris + streams.ccs == produced)
    }

    @Test(.enabled(if: SmallFileSystem.canMount, "needs to mount a tmpfs (root)"))
    func aFullDiskPausesCaptureAndTheReturningAgencyGetsEveryRecord() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let (port, capture) = try configure(appliance)
        let disk = try SmallFileSystem(kilobytes: 2048, under: appliance.directory)
        defer { disk.unmount() }
        let run = try start(appliance, capture, spool: disk.path + "/spool", [])
        #expect(run.waitForError("disk full") != nil, "run: \(run.standardError)")
        try expectEveryRecordOnceTheAgencyIsBack(run, appliance: appliance, port: port)
        #expect(!run.standardError.contains("spool quota"))
        #expect(!run.standardError.contains("LOST"))
    }

    /// With `run` waiting for its spool: checks that it keeps waiting, starts the agency's receiver at `port`, and
    /// expects the run to end well and the receiver to hold every record of the capture, without a gap.
    func expectEveryRecordOnceTheAgencyIsBack(_ run: BackgroundProcess, appliance: ApplianceBinary, port: Int) throws {
        Thread.sleep(forTimeInterval: 1)
        #expect(run.isRunning, "capture must wait, not end: \(run.standardError)")
        let lemf = try LEMFProcess(appliance: appliance, port: port)
        #expect(run.wait(timeout: 120) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.iris == 2)
        #expect(streams.ccs == Self.packets)
    }

    static func number(after prefix: String, in text: String) -> Int? {
        numbers(after: prefix, in: text).first
    }

    static func numbers(after prefix: String, in text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: prefix) else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}
