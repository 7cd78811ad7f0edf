import Foundation
import TestSupport
import Testing

/// The running appliance sees every committed change of the store, not only its latest state: a warrant that lives
/// for less than a poll still gets liActivated then liDeactivated, every modify gets liModified, and concurrent
/// writers lose no notification.
@Suite(.serialized)
struct QuickWarrantChangeTests {
    @Test func everyChangeShorterThanAPollYieldsItsHI1NotificationsInOrder() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port, keepalive: 2)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        let capture = appliance.directory + "/slow.pcap"
        try BulkSessionCapture.write(to: capture, packets: 600, payloadBytes: 100, spacingMicros: 100_000)
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", capture, "--realtime", "--retry", "1", "--spool", appliance.spoolDirectory,
                "--db", appliance.databasePath,
            ]
        )
        Thread.sleep(forTimeInterval: 2)
        @Sendable func warrant(_ arguments: [String]) {
            let result = try? appliance.run(["warrant"] + arguments)
            #expect(result?.status == 0, "warrant \(arguments): \(result?.standardError ?? "")")
        }
        warrant(["add", "ip", "QUICK-1", "--agency", "LEA-A", "--user", "quick1"])
        warrant(["end", "QUICK-1"])
        warrant(["add", "ip", "QUICK-2", "--agency", "LEA-A", "--user", "quick2"])
        warrant(["modify", "QUICK-2", "--deliver", "iri"])
        warrant(["modify", "QUICK-2", "--user", "quick2b"])
        warrant(["end", "QUICK-2"])
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            for number in 0..<4 {
                let liid = "CONC-\(writer)-\(number)"
                warrant(["add", "ip", liid, "--agency", "LEA-A", "--user", "user\(writer)\(number)"])
                warrant(["end", liid])
            }
        }
        Thread.sleep(forTimeInterval: 3)
        #expect(run.terminate() == 0, "run: \(run.standardError)")
        let (status, summary) = lemf.stop()
        #expect(status == 0, "lemf: \(summary)")
        let lines = try String(contentsOfFile: lemf.outPath, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        var notifications: [String: [String]] = [:]
        for line in lines where line["kind"] as? String == "HI1" {
            notifications[line["liid"] as? String ?? "?", default: []].append(line["hi1"] as? String ?? "?")
        }
        #expect(notifications["QUICK-1"] == ["liActivated", "liDeactivated"])
        #expect(notifications["QUICK-2"] == ["liActivated", "liModified", "liModified", "liDeactivated"])
        for writer in 0..<4 {
            for number in 0..<4 {
                #expect(notifications["CONC-\(writer)-\(number)"] == ["liActivated", "liDeactivated"])
            }
        }
    }
}
