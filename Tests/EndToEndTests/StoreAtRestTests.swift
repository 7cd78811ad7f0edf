import Foundation
import TestSupport
import Testing

/// The warrant store (with its -wal and -shm files and the audit key) holds identities and agencies: `run` refuses
/// one that the group or others may read or write (exit status 2, naming the path and the mode) before it opens it,
/// and runs once it is 0600 again.
@Suite(.serialized)
struct StoreAtRestTests {
    @Test(arguments: ["", "-wal", "-shm", ".audit-key"])
    func aStoreFileOpenToOthersIsRefusedUntilItIsOwnerOnly(_ suffix: String) throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        try E2ESetup.addPlaintextAgency(appliance, port: 9)
        let path = appliance.databasePath + suffix
        if !FileManager.default.fileExists(atPath: path) {
            #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]))
        }
        #expect(chmod(path, 0o644) == 0)
        let pcap = RepositoryLayout.capture("radius-basic.pcap")
        let refused = try appliance.run(["run", "--pcap", pcap])
        #expect(refused.status == 2)
        #expect(refused.standardError == "run: \(path) is open to group or others (mode 0644); chmod 600 \(path)\n")
        #expect(!FileManager.default.fileExists(atPath: appliance.spoolDirectory))
        #expect(chmod(path, 0o600) == 0)
        let run = try appliance.run(["run", "--pcap", pcap])
        #expect(run.status == 0, "run: \(run.standardError)")
    }

    @Test func aFileInTheSpoolOpenToOthersIsRefused() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        try E2ESetup.addPlaintextAgency(appliance, port: 9)
        let pcap = RepositoryLayout.capture("radius-basic.pcap")
        #expect(try appliance.run(["run", "--pcap", pcap]).status == 0)
        let status = appliance.spoolDirectory + "/status.json"
        #expect(chmod(status, 0o640) == 0)
        let refused = try appliance.run(["run", "--pcap", pcap])
        #expect(refused.status == 2)
        #expect(refused.standardError == "run: \(status) is open to group or others (mode 0640); chmod 600 \(status)\n")
    }
}
