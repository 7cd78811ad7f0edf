import Foundation
import TestSupport
import Testing

/// `run --user NAME` (as root): the capture is opened, then the process becomes that user for good, without
/// capabilities, and the spool it writes is that user's, files 0600 and directories 0700.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root to switch users"))
struct RunUserTests {
    @Test func aRunAsNobodyDropsRootAndItsSpoolIsNobodys() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "USER-DANA", "--agency", "LEA-A", "--user", "dana"])
        let capture = appliance.directory + "/slow.pcap"
        try BulkSessionCapture.write(to: capture, packets: 40, payloadBytes: 100, spacingMicros: 50_000)
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", capture, "--realtime", "--user", "nobody", "--spool", appliance.spoolDirectory,
                "--db", appliance.databasePath,
            ]
        )
        #expect(run.waitForError("running as nobody") != nil, "\(run.standardError)")
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(run.processIdentifier)/task")
        #expect(tasks.count > 4, "the stages' threads")
        let process = "/proc/\(run.processIdentifier)"
        for status in [process + "/status"] + tasks.map({ "\(process)/task/\($0)/status" }) {
            let fields = try statusFields(status)
            let ids = ["Uid", "Gid"].map { fields[$0]?.split(separator: "\t") ?? [] }
            #expect(ids.allSatisfy { $0.count == 4 && $0.allSatisfy { $0 == "65534" } }, "\(status): \(ids)")
            #expect(fields["Groups"] == "65534", "\(status)")
            for capabilities in ["CapEff", "CapPrm", "CapAmb"] {
                #expect(fields[capabilities] == "0000000000000000", "\(status) \(capabilities)")
            }
        }
        #expect(run.wait() == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        var files = 0
        let walker = try #require(FileManager.default.enumerator(atPath: appliance.spoolDirectory))
        for case let name as String in walker {
            let attributes = try FileManager.default.attributesOfItem(atPath: appliance.spoolDirectory + "/" + name)
            let mode = (attributes[.posixPermissions] as? Int ?? -1) & 0o7777
            #expect(attributes[.ownerAccountID] as? Int == 65534, "\(name)")
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                #expect(mode == 0o700, "\(name)")
            } else {
                files += 1
                #expect(mode == 0o600, "\(name)")
            }
        }
        #expect(files >= 4)
        #expect(completeStreams(lemf.records()).ccs == 40)
    }

    @Test(arguments: [
        ("no-such-user-x", "run: --user \"no-such-user-x\": no such user\n"),
        ("root", "run: --user \"root\": is root; name an unprivileged user\n"),
    ])
    func aBadUserIsOneLineAndExit2(_ name: String, _ message: String) throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
        _ = lemf.stop()
        let capture = appliance.directory + "/one.pcap"
        try BulkSessionCapture.write(to: capture, packets: 1)
        let run = try appliance.run(["run", "--pcap", capture, "--user", name])
        #expect(run.status == 2)
        #expect(run.standardError == message)
    }

    /// The `Key:<tab>value` lines of a /proc status file.
    private func statusFields(_ path: String) throws -> [String: String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Dictionary(
            text.split(separator: "\n").map { line in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            },
            uniquingKeysWith: { first, _ in first }
        )
    }
}
