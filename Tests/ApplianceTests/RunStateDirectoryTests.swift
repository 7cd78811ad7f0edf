import Appliance
import Foundation
import Testing

/// Where a store's run state lives by default, and whose a directory is.
@Suite struct RunStateDirectoryTests {
    @Test(arguments: [
        ("/var/lib/openli-appliance/warrants.sqlite", "/var/lib/openli-appliance/warrants.spool"),
        ("warrants.sqlite", "warrants.spool"),
        ("/srv/a.b/store", "/srv/a.b/store.spool"),
        ("/srv/store.v2.db", "/srv/store.v2.spool"),
        ("/srv/.hidden", "/srv/.hidden.spool"),
    ])
    func theDefaultSpoolIsBesideTheStore(_ store: String, _ spool: String) {
        #expect(RunStateDirectory.defaultPath(forStoreAt: store) == spool)
        #expect(RunOptions(databasePath: store).spoolDirectory == spool)
    }

    @Test func aDirectoryIsNobodysUntilClaimedThenTheStores() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("run-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let directory = RunStateDirectory(path: base + "/deep/spool")
        #expect(try directory.owner() == .none)
        try directory.claim(for: "0123abcd")
        #expect(try directory.owner() == .store("0123abcd"))
        let attributes = try FileManager.default.attributesOfItem(atPath: base + "/deep/spool/.store-id")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try directory.claim(for: "ffff")
        #expect(try directory.owner() == .store("ffff"))
    }

    @Test func runStateWithoutAMarkerHasAnUnknownOwner() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("run-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        #expect(try RunStateDirectory(path: base).owner() == .none)
        try "".write(toFile: base + "/sequence-numbers.journal", atomically: true, encoding: .utf8)
        #expect(try RunStateDirectory(path: base).owner() == .unknown)
    }
}
