import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v3 (VoIP warrants): a v2 file opens, keeps its data, gains the VoIP tables and takes VoIP warrants.
@Suite struct MigrationV3Tests {
    @Test func migratesAVersion2StoreToVersion3() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationTests.version2)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let (recorded, voipColumns, targetColumns) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'schema_version'"),
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('warrants') ORDER BY cid"),
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('warrant_targets') ORDER BY cid")
            )
        }
        #expect(recorded == String(WarrantStore.currentSchemaVersion))
        #expect(
            voipColumns == [
                "liid", "kind", "agency", "auth_cc", "delivery_cc", "start_micros", "end_micros", "delivery",
                "ended_micros",
                "created_micros", "modified_micros",
            ]
        )
        #expect(targetColumns == ["liid", "position", "type", "value"])
        #expect(try store.changeID() == 5)
        let kept = try #require(try store.warrant(liid: "LIID1"))
        #expect(kept.modifiedMicros == 2000)
        #expect(kept.staticPrefixes == ["198.51.100.7/32"])
        #expect(try store.voipWarrants(includeEnded: true).isEmpty)

        let reused = storeError { () throws(StoreError) in try store.addWarrant(Sample.voipWarrant("LIID1")) }
        #expect(reused?.code == .conflict)
        let added = try store.addWarrant(Sample.voipWarrant("LIID2"))
        #expect(try store.snapshot().voipWarrants == [added])
        try store.endWarrant(liid: "LIID2", atMicros: 3000)
        #expect(try store.changeID() == 7)
        // The fixture's records have no audit rows: the chain is intact, but the replay finds what bypassed the log.
        let verification = try store.verifyAudit()
        #expect(verification.rows == 2)
        #expect(
            verification.problem
                == "the tables differ from the audit log: agencies \"acme\": in the table but not in the audit log"
        )
    }

    @Test func reopeningAVersion3StoreKeepsItsVoIPWarrants() throws {
        let scratch = try ScratchDirectory()
        try scratch.raw(MigrationTests.version2)
        let added = try scratch.store().addWarrant(Sample.voipWarrant("LIID2"))
        let reopened = try scratch.store()
        #expect(try reopened.warrant(liid: "LIID2") == added)
        #expect(try reopened.schemaVersion() == WarrantStore.currentSchemaVersion)
    }
}
