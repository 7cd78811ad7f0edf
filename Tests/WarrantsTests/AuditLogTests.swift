import GRDB
import TestSupport
import Testing
import Warrants

@Suite struct AuditLogTests {
    /// A store with six audited changes.
    private func populated(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("spare"))
        try store.addWarrant(Sample.warrant())
        try store.endWarrant(liid: "LIID1", atMicros: 1_767_225_600_000_000)
        try store.addServers([KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])
        try store.removeAgency(named: "spare")
        return store
    }

    @Test func recordsEveryChangeWithBeforeAndAfter() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        let entries = try store.auditEntries()
        #expect(entries.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(
            entries.map(\.action) == [
                "agency.add", "agency.add", "warrant.add", "warrant.end", "server.add", "agency.remove",
            ]
        )
        #expect(entries.map(\.subject) == ["acme", "spare", "LIID1", "LIID1", "radius 192.0.2.1:1812", "spare"])
        #expect(entries.allSatisfy { $0.user == "tester" && $0.command == "openli-appliance test" })
        #expect(entries[0].before == nil)
        #expect(entries[0].after?.contains("\"name\":\"acme\"") == true)
        #expect(entries[0].after?.contains("\"hi3\":\"[::1]:9002\"") == true)
        #expect(entries[3].before?.contains("\"ended\":null") == true)
        #expect(entries[3].after?.contains("\"ended\":\"2026-01-01T00:00:00Z\"") == true)
        #expect(entries[4].after == "[{\"kind\":\"radius\",\"address\":\"192.0.2.1\",\"port\":1812}]")
        #expect(entries[5].before?.contains("\"name\":\"spare\"") == true)
        #expect(entries[5].after == nil)
        #expect(entries[0].previousHash == String(repeating: "0", count: 64))
        for (previous, entry) in zip(entries, entries.dropFirst()) {
            #expect(entry.previousHash == previous.hash)
            #expect(entry.timeMicros >= previous.timeMicros)
        }
        #expect(entries.allSatisfy { $0.hash.count == 64 })
    }

    @Test func intactLogVerifies() throws {
        let scratch = try ScratchDirectory()
        let empty = try scratch.store("empty.sqlite")
        #expect(try empty.verifyAudit() == AuditVerification(rows: 0))
        let store = try populated(scratch)
        #expect(try store.verifyAudit() == AuditVerification(rows: 6))
    }

    @Test(arguments: ["UPDATE audit_log SET subject = 'x' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2"])
    func triggersRefuseUpdateAndDelete(_ sql: String) throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        #expect(throws: DatabaseError.self) { try scratch.raw(sql) }
        #expect(try store.verifyAudit().isIntact)
    }

    @Test(arguments: [
        ("UPDATE audit_log SET subject = 'someone else' WHERE id = 2", 2 as Int64),
        ("UPDATE audit_log SET after_json = NULL WHERE id = 3", 3),
        ("UPDATE audit_log SET time_micros = time_micros + 1 WHERE id = 1", 1),
        ("UPDATE audit_log SET os_user = 'root' WHERE id = 6", 6),
        ("UPDATE audit_log SET hash = prev_hash WHERE id = 4", 4),
    ])
    func detectsAnEditedRow(_ sql: String, _ row: Int64) throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw("DROP TRIGGER audit_log_no_update; " + sql)
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == row)
        #expect(verification.problem?.hasPrefix("row \(row):") == true)
    }

    @Test(arguments: [(3 as Int64, 4 as Int64), (1, 2), (6, 6)])
    func detectsADeletedRow(_ deleted: Int64, _ reported: Int64) throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = \(deleted)")
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == reported)
        #expect(verification.problem != nil)
    }

    @Test func detectsARenumberedDeletion() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw(
            """
            DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET id = id - 1 WHERE id > 3;
            UPDATE settings SET value = '5' WHERE key = 'audit_head_id';
            """
        )
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == 3)
    }

    @Test func detectsReorderedRows() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw(
            """
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET id = 100 WHERE id = 2;
            UPDATE audit_log SET id = 2 WHERE id = 3;
            UPDATE audit_log SET id = 3 WHERE id = 100;
            """
        )
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == 2)
    }

    @Test func detectsRemovedTriggers() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw("DROP TRIGGER audit_log_no_delete")
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == nil)
        #expect(verification.problem?.contains("trigger") == true)
    }

    @Test func failedWritesLeaveNoAuditRow() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        _ = storeError { () throws(StoreError) in try store.addAgency(Sample.agency()) }
        _ = storeError { () throws(StoreError) in try store.removeAgency(named: "nobody") }
        #expect(try store.auditEntries().count == 1)
        #expect(try store.verifyAudit().isIntact)
    }
}
