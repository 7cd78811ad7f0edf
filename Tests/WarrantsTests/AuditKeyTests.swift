import Foundation
import GRDB
import TestSupport
import Testing

@testable import Warrants

/// The audit chain is keyed: rows are HMAC-SHA256 under a key file outside the database, so someone who can rewrite
/// the database but not read the key cannot make a changed log verify.
@Suite struct AuditKeyTests {
    private let keyName = "warrants.sqlite.audit-key"

    @Test func aNewStoreGetsAnOwnerOnlyKeyBesideIt() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        #expect(store.auditKeyPath == scratch.file(keyName))
        #expect(WarrantStore.defaultAuditKeyPath(forStoreAt: "/x/w.sqlite") == "/x/w.sqlite.audit-key")
        #expect(try scratch.mode(keyName) == 0o600)
        #expect(FileManager.default.contents(atPath: store.auditKeyPath)?.count == 32)
        let other = try scratch.store("other.sqlite")
        #expect(
            FileManager.default.contents(atPath: other.auditKeyPath)
                != FileManager.default.contents(atPath: store.auditKeyPath)
        )
    }

    /// The attack of issue 9: rewrite a row, recompute the (unkeyed) chain and the recorded head.
    @Test func aRecomputedUnkeyedChainDoesNotVerify() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addWarrant(Sample.warrant())
        try store.addServers([KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])
        var entries = try store.auditEntries()
        entries[1].user = "someone else"
        var previous = AuditChain.genesisHash
        for index in entries.indices {
            entries[index].previousHash = previous
            entries[index].hash = AuditChain.legacyHash(of: entries[index])
            previous = entries[index].hash
        }
        var sql = "DROP TRIGGER audit_log_no_update;"
        for entry in entries {
            sql += " UPDATE audit_log SET os_user = '\(entry.user)', prev_hash = '\(entry.previousHash)',"
            sql += " hash = '\(entry.hash)' WHERE id = \(entry.id);"
        }
        sql += " UPDATE settings SET value = '\(previous)' WHERE key = 'audit_head_hash';"
        sql += MigrationV4Fixture.updateTrigger
        try scratch.raw(sql)
        let verification = try store.verifyAudit()
        #expect(verification.firstBadRow == 1)
        #expect(verification.problem?.hasPrefix("row 1: contents do not match its hash") == true)
    }

    @Test func aWriteWithoutTheKeyOfAnExistingChainIsRefused() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try FileManager.default.removeItem(atPath: store.auditKeyPath)
        let error = storeError { () throws(StoreError) in try store.addAgency(Sample.agency("other")) }
        #expect(error?.code == .io)
        #expect(error?.message.hasPrefix("the audit key \(store.auditKeyPath) is missing") == true)
        #expect(error?.message.contains("\n") == false)
        #expect(!FileManager.default.fileExists(atPath: store.auditKeyPath))
        #expect(try store.agencies().map(\.name) == ["acme"])
        #expect(try store.auditEntries().count == 1)
    }

    @Test func aMissingKeyOfAnEmptyLogIsMadeOnTheFirstWrite() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try FileManager.default.removeItem(atPath: store.auditKeyPath)
        try store.addAgency(Sample.agency())
        #expect(try scratch.mode(keyName) == 0o600)
        #expect(try store.verifyAudit() == AuditVerification(rows: 1))
    }

    @Test func verifyWithAMissingOrWrongKeyIsNotIntact() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        let otherKey = try scratch.store("other.sqlite").auditKeyPath
        let path = scratch.file("warrants.sqlite")

        let wrong = try WarrantStore(path: path, actor: .tester, auditKeyPath: otherKey).verifyAudit()
        #expect(wrong.firstBadRow == 1)
        #expect(wrong.problem == "row 1: contents do not match its hash (edited, or the audit key is not this store's)")

        let absent = scratch.file("absent.key")
        let missing = try WarrantStore(path: path, actor: .tester, auditKeyPath: absent).verifyAudit()
        #expect(missing.problem == "the audit key \(absent) is missing, so the hashes cannot be checked")
        #expect(!FileManager.default.fileExists(atPath: absent))

        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: absent))
        let short = try WarrantStore(path: path, actor: .tester, auditKeyPath: absent).verifyAudit()
        #expect(short.problem == "the audit key \(absent) is not a 32-byte key file")
    }

    @Test func aKeyOthersMayReadIsNarrowedToOwnerOnly() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.auditKeyPath)
        try store.addAgency(Sample.agency())
        #expect(try scratch.mode(keyName) == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: store.auditKeyPath)
        #expect(try store.verifyAudit().isIntact)
        #expect(try scratch.mode(keyName) == 0o600)
    }
}
