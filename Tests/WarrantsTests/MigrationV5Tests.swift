import Foundation
import TestSupport
import Testing
import Warrants

/// Schema v5 (one warrant model): a v4 store written by the release before it (`Fixtures/v4-store.sqlite`, made
/// with that release's command line: agencies acme and beta; IP warrants LIID1, modified, and LIID2, ended; VoIP
/// warrants V1, modified, and V2, ended; a RADIUS server; 11 audit rows chained under `v4-store.sqlite.audit-key`)
/// moves every warrant into `warrants` and `warrant_targets`, keeps its history and a verifiable audit log, and gets
/// a store id.
@Suite struct MigrationV5Tests {
    private func migrated(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for name in ["v4-store.sqlite", "v4-store.sqlite.audit-key"] {
            try FileManager.default.copyItem(
                atPath: fixtures.appendingPathComponent(name).path,
                toPath: scratch.file(name.replacingOccurrences(of: "v4-store", with: "warrants"))
            )
        }
        return try scratch.store()
    }

    @Test func movesEveryWarrantAndKeepsTheAuditLogVerifiable() throws {
        let scratch = try ScratchDirectory()
        let store = try migrated(scratch)
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        let warrants = try store.warrants(includeEnded: true)
        #expect(warrants.map(\.liid) == ["LIID1", "LIID2", "V1", "V2"])
        #expect(warrants.map(\.target.kind) == ["ip", "ip", "voip", "voip"])
        #expect(
            warrants[0].target
                == .ip(IPTarget(username: "bob", staticPrefixes: ["198.51.100.7/32", "2001:db8::/56"], sessionID: 7))
        )
        #expect(warrants[0].agency == "beta")
        #expect(warrants[0].modifiedMicros != nil)
        #expect(warrants[1].target == .ip(IPTarget(staticPrefixes: ["192.0.2.9/32"])))
        #expect(warrants[1].delivery == .iri)
        #expect(warrants[1].endedMicros != nil)
        #expect(warrants[2].target == .voip([.sip(user: "alice", host: nil)]))
        #expect(warrants[3].target == .voip([.tel(number: "+643257781", suffix: false)]))
        #expect(warrants[3].status(atMicros: 0) == .ended)
        #expect(try store.snapshot().warrants.map(\.liid) == ["LIID1", "V1"])

        let entries = try store.auditEntries()
        #expect(entries.count == 11)
        #expect(
            entries.filter { $0.action.hasPrefix("warrant.") }.map(\.subject) == [
                "LIID1", "LIID2", "V1", "V2", "LIID1", "V1", "V2", "LIID2",
            ]
        )
        #expect(try store.verifyAudit() == AuditVerification(rows: 11))
        let replayed = try store.snapshotsSince(auditID: 0)
        #expect(replayed.count == 11)
        #expect(replayed.last == (try store.snapshot()))

        try store.modifyWarrant(liid: "V1") { $0.target = .voip([.sip(user: "carol", host: "example.net")]) }
        try store.endWarrant(liid: "LIID1", atMicros: 1)
        #expect(try store.verifyAudit() == AuditVerification(rows: 13))
    }

    @Test func givesTheStoreAnIdOnceAndANewStoreItsOwn() throws {
        let scratch = try ScratchDirectory()
        let store = try migrated(scratch)
        let id = try store.storeID()
        #expect(id.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        #expect(try scratch.store().storeID() == id)
        let other = try scratch.store("other.sqlite")
        #expect(try other.storeID() != id)
        #expect(try other.storeID().count == 32)
    }

    @Test func aSpoolAdoptionIsAuditedAndChangesNoRecord() throws {
        let scratch = try ScratchDirectory()
        let store = try migrated(scratch)
        let before = try store.snapshot()
        try store.recordSpoolAdoption(spoolPath: "/var/spool/x", previousStoreID: "0123")
        let entry = try #require(try store.auditEntries().last)
        #expect(entry.action == WarrantStore.spoolAdoptedAction)
        #expect(entry.subject == "/var/spool/x")
        #expect(entry.after?.contains("\"previous_store_id\":\"0123\"") == true)
        #expect(try store.verifyAudit() == AuditVerification(rows: 12))
        let after = try store.snapshotsSince(auditID: before.auditID)
        #expect(after.map(\.warrants) == [before.warrants])
    }
}
