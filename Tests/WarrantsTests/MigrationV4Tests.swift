import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v4 (the keyed audit chain): a v3 file checks its unkeyed chain, gets an audit key and is re-chained under
/// it; its log, written by v1, v2 and v3, replays to exactly its tables.
@Suite struct MigrationV4Tests {
    private func userVersion(_ scratch: ScratchDirectory) throws -> Int? {
        try DatabaseQueue(path: scratch.file("warrants.sqlite")).read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        }
    }

    @Test func reChainsAVersion3LogUnderANewKeyAndReplaysIt() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationV4Fixture.version3)
        let legacyHashes = try DatabaseQueue(path: scratch.file("warrants.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT hash FROM audit_log ORDER BY id")
        }
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(store.auditKeyPath == scratch.file("warrants.sqlite.audit-key"))
        #expect(try scratch.mode("warrants.sqlite.audit-key") == 0o600)
        let key = try #require(FileManager.default.contents(atPath: store.auditKeyPath))
        #expect(key.count == 32)

        let entries = try store.auditEntries()
        #expect(entries.count == 8)
        #expect(entries.map(\.action).last == "warrant.end")
        #expect(zip(entries.map(\.hash), legacyHashes).allSatisfy { $0 != $1 })
        #expect(try store.verifyAudit() == AuditVerification(rows: 8))
        #expect(try store.changeID() == 8)

        let snapshots = try store.snapshotsSince(auditID: 0)
        #expect(snapshots.map(\.auditID) == Array(1...8))
        #expect(snapshots.map(\.changeID) == Array(1...8))
        #expect(snapshots.last == (try store.snapshot()))
        #expect(snapshots[5].voipWarrants.map(\.liid) == ["V1"])
        #expect(snapshots[6].voipWarrants.map(\.liid) == ["V1", "V2"])
        #expect(snapshots[7].voipWarrants.map(\.liid) == ["V1"])
        #expect(snapshots[3].ipWarrants.first?.agency == "acme")
        #expect(snapshots[4].ipWarrants.first?.agency == "secure")

        try store.modifyWarrant(liid: "LIID1") { $0.delivery = .both }
        #expect(try store.verifyAudit() == AuditVerification(rows: 9))
        let reopened = try scratch.store()
        #expect(try reopened.verifyAudit() == AuditVerification(rows: 9))
    }

    @Test func aTableEditedBeforeTheMigrationStaysVisible() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationV4Fixture.version3)
        try scratch.raw("UPDATE ip_warrants SET username = 'eve' WHERE liid = 'LIID1'")
        let store = try scratch.store()
        let verification = try store.verifyAudit()
        #expect(
            verification.problem == "the tables differ from the audit log: warrants \"LIID1\": field user differs"
                + " from the audit log"
        )
    }

    @Test func refusesToReChainABrokenLog() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationV4Fixture.version3)
        try scratch.raw(
            """
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET os_user = 'mallory' WHERE id = 3;
            \(MigrationV4Fixture.updateTrigger)
            """
        )
        let error = storeError { () throws(StoreError) in
            _ = try WarrantStore(path: scratch.file("warrants.sqlite"), actor: .tester)
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("schema migration v4 refused") == true)
        #expect(error?.message.contains("row 3: contents do not match its hash") == true)
        #expect(try userVersion(scratch) == 3)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("warrants.sqlite.audit-key")))
    }

    @Test func refusesToReChainALogWithoutItsTriggers() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationV4Fixture.version3)
        try scratch.raw("DROP TRIGGER audit_log_no_delete")
        let error = storeError { () throws(StoreError) in
            _ = try WarrantStore(path: scratch.file("warrants.sqlite"), actor: .tester)
        }
        #expect(error?.message.contains("triggers") == true)
        #expect(try userVersion(scratch) == 3)
    }

    @Test func usesAKeyGivenForTheMigration() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationV4Fixture.version3)
        let keyPath = scratch.file("elsewhere.key")
        let store = try WarrantStore(path: scratch.file("warrants.sqlite"), actor: .tester, auditKeyPath: keyPath)
        #expect(try scratch.mode("elsewhere.key") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("warrants.sqlite.audit-key")))
        #expect(try store.verifyAudit().isIntact)
        let withDefaultKey = try scratch.store()
        #expect(try withDefaultKey.verifyAudit().problem?.contains("is missing") == true)
    }
}
