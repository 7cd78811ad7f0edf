import Foundation
import GRDB
import TestSupport
import Testing

/// The audit key, the replay check and usage errors through the built binary (skipped until it has been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct StoreAuditCommandLineTests {
    private let addAcme = [
        "agency", "add", "acme", "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext",
    ]

    /// The lines a command wrote to standard error.
    private func errorLines(_ output: ProcessOutput) -> [String] {
        output.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func keepsTheAuditKeyBesideTheStoreOrWhereToldAndVerifiesWithIt() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let defaultKey = binary.databasePath + ".audit-key"
        #expect(try binary.run(addAcme + ["--country", "nz"]).status == 0)
        #expect(try mode(defaultKey) == 0o600)
        #expect(FileManager.default.contents(atPath: defaultKey)?.count == 32)
        let verified = try binary.run(["audit", "verify"])
        #expect(verified.status == 0)
        #expect(verified.standardOutput == "audit log intact: 1 rows\n")

        let absent = binary.directory + "/absent.key"
        let wrongKey = try binary.run(["audit", "verify", "--audit-key", absent])
        #expect(wrongKey.status == 1)
        #expect(
            errorLines(wrongKey) == [
                "audit verify: the audit key \(absent) is missing, so the hashes cannot be checked"
            ]
        )

        let explicit = binary.directory + "/explicit.key"
        let other = ["--db", binary.directory + "/other.sqlite", "--audit-key", explicit]
        #expect(try ProcessRunner.run(binary.path, addAcme + other).status == 0)
        #expect(try mode(explicit) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: binary.directory + "/other.sqlite.audit-key"))
        #expect(try ProcessRunner.run(binary.path, ["audit", "verify"] + other).status == 0)
        let foreign = try ProcessRunner.run(
            binary.path,
            ["audit", "verify", "--audit-key", explicit, "--db", binary.databasePath]
        )
        #expect(foreign.status == 1)
        #expect(errorLines(foreign).first?.contains("row 1: contents do not match its hash") == true)
    }

    @Test func refusesAWriteWhoseKeyIsMissingAndNamesIt() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        #expect(try binary.run(addAcme).status == 0)
        let key = binary.databasePath + ".audit-key"
        try FileManager.default.removeItem(atPath: key)
        let refused = try binary.run(["server", "add", "radius", "192.0.2.1"])
        #expect(refused.status == 1)
        #expect(errorLines(refused).count == 1)
        #expect(errorLines(refused).first?.hasPrefix("server add: the audit key \(key) is missing") == true)
        #expect(!FileManager.default.fileExists(atPath: key))
        #expect(try binary.run(["server", "list"]).standardOutput.contains("192.0.2.1") == false)
    }

    @Test func verifyFindsAUserNameEditedWithSQLite() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        #expect(try binary.run(addAcme + ["--country", "nz"]).status == 0)
        #expect(try binary.run(["warrant", "add", "ip", "L1", "--agency", "acme", "--user", "bob"]).status == 0)
        #expect(try binary.run(["audit", "verify"]).status == 0)
        let queue = try DatabaseQueue(path: binary.databasePath)
        try queue.write { db in
            try db.execute(sql: "UPDATE warrant_targets SET value = 'alice' WHERE liid = 'L1' AND type = 'username'")
        }
        let broken = try binary.run(["audit", "verify"])
        #expect(broken.status == 1)
        #expect(
            errorLines(broken) == [
                "audit verify: the tables differ from the audit log: warrants \"L1\": field user differs from the"
                    + " audit log"
            ]
        )
    }

    @Test(arguments: [
        (["warrant", "add", "ip", "L1", "--user", "bob"], "Missing expected argument '--agency <name>'"),
        (["warrant", "add", "ip", "L1", "--agency", "acme", "--bogus"], "Unknown option '--bogus'"),
        (["agency", "add", "x", "--plaintext"], "Missing expected argument '--hi2 <host:port>'"),
    ])
    func aUsageErrorIsOneLine(_ arguments: [String], _ message: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let refused = try binary.run(arguments)
        #expect(refused.status == 2)
        #expect(errorLines(refused) == [message])
        #expect(refused.standardOutput.isEmpty)
    }
}

extension StoreAuditCommandLineTests {
    @Test func runMigratesAnOlderStoreUnderTheKeyItIsGiven() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let queue = try DatabaseQueue(path: binary.databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: MigrationV4Fixture.version3) }
        try queue.close()
        let key = binary.directory + "/given.key"
        let run = try binary.run(["run", "--audit-key", key, "--pcap", binary.directory + "/absent.pcap"])
        #expect(run.status != 0)
        #expect(FileManager.default.fileExists(atPath: key))
        #expect(!FileManager.default.fileExists(atPath: binary.databasePath + ".audit-key"))
        let verified = try binary.run(["audit", "verify", "--audit-key", key])
        #expect(verified.standardOutput == "audit log intact: 8 rows\n", "\(verified.standardError)")
    }
}
