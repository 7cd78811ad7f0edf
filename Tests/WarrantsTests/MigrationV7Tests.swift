import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v7 (mobile warrants): a v6 store written by the release before it (`Fixtures/v6-store.sqlite`, made with
/// that release's command line: agencies acme and beta; IP warrants LIID1, modified, and LIID2, ended; VoIP
/// warrants V1, modified, and V2, ended; email warrants E1, modified, and E2, ended; RADIUS, SIP, SMTP and IMAP
/// servers; 18 audit rows chained under `v6-store.sqlite.audit-key`) keeps every row as it was, and then
/// takes mobile warrants.
@Suite struct MigrationV7Tests {
    @Test func keepsEveryRowAndTheAuditLogVerifiable() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 6).copy(into: scratch)
        #expect(try StoreFixture.fileVersion(scratch) == 6)
        let before = try StoreFixture.rows(scratch)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(try StoreFixture.fileVersion(scratch) == WarrantStore.currentSchemaVersion)
        #expect(try StoreFixture.rows(scratch) == before)
        let warrants = try store.warrants(includeEnded: true)
        #expect(warrants.map(\.liid) == ["E1", "E2", "LIID1", "LIID2", "V1", "V2"])
        #expect(warrants.map(\.target.kind) == ["email", "email", "ip", "ip", "voip", "voip"])
        #expect(warrants[0].target == .email(Sample.emailTargets("Carol@example.net")))
        #expect(warrants[0].delivery == .iri)
        #expect(warrants[1].endedMicros != nil)
        #expect(
            warrants[2].target
                == .ip(IPTarget(username: "bob", staticPrefixes: ["198.51.100.7/32", "2001:db8::/56"], sessionID: 7))
        )
        #expect(warrants[2].agency == "beta")
        #expect(warrants[3].endedMicros != nil)
        #expect(warrants[4].target == .voip([.sip(user: "alice", host: nil), .tel(number: "3257781", suffix: true)]))
        #expect(warrants[5].endedMicros != nil)
        #expect(
            try store.servers().map(\.description) == [
                "imap 192.0.2.26:143", "imap [2001:db8::143]:993", "radius 192.0.2.2:1812", "radius 192.0.2.2:1813",
                "sip 192.0.2.3:5060", "smtp 192.0.2.25:25",
            ]
        )
        #expect(try store.verifyAudit() == AuditVerification(rows: 18))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func takesMobileWarrantsAndGTPServersAfterwards() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 6).copy(into: scratch)
        let store = try scratch.store()
        let added = try store.addWarrant(Sample.mobileWarrant("MOB1"))
        try store.modifyWarrant(liid: "MOB1") { $0.target = .mobile([.msisdn("+61412345678")]) }
        try store.addServers([KnownServer(kind: .gtp, address: "192.0.2.6", port: 2123)])
        #expect(try store.warrant(liid: "MOB1")?.target == .mobile([.msisdn("61412345678")]))
        #expect(added.target.mobile?.count == 3)
        #expect(try store.verifyAudit() == AuditVerification(rows: 18 + 3))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
        #expect(try scratch.store().warrant(liid: "MOB1")?.target.kind == "mobile")
    }
}
