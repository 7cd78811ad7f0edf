import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v6 (email warrants): a v5 store written by the release before it (`Fixtures/v5-store.sqlite`, made with
/// that release's command line: agencies acme and beta; IP warrants LIID1, modified, and LIID2, ended; VoIP
/// warrants V1, modified, and V2, ended; a RADIUS and a SIP server; 12 audit rows chained under
/// `v5-store.sqlite.audit-key`) keeps every row as it was, and then takes email warrants.
@Suite struct MigrationV6Tests {
    @Test func keepsEveryRowAndTheAuditLogVerifiable() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 5).copy(into: scratch)
        let before = try StoreFixture.rows(scratch)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(try StoreFixture.rows(scratch) == before)
        let warrants = try store.warrants(includeEnded: true)
        #expect(warrants.map(\.liid) == ["LIID1", "LIID2", "V1", "V2"])
        #expect(warrants.map(\.target.kind) == ["ip", "ip", "voip", "voip"])
        #expect(
            warrants[0].target
                == .ip(IPTarget(username: "bob", staticPrefixes: ["198.51.100.7/32", "2001:db8::/56"], sessionID: 7))
        )
        #expect(warrants[0].agency == "beta")
        #expect(warrants[1].endedMicros != nil)
        #expect(warrants[2].target == .voip([.sip(user: "alice", host: nil), .tel(number: "3257781", suffix: true)]))
        #expect(warrants[2].modifiedMicros != nil)
        #expect(warrants[3].endedMicros != nil)
        #expect(try store.servers().map(\.kind.rawValue) == ["radius", "radius", "sip"])
        #expect(try store.verifyAudit() == AuditVerification(rows: 12))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func takesEmailWarrantsAndMailServersAfterwards() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 5).copy(into: scratch)
        let store = try scratch.store()
        let added = try store.addWarrant(Sample.emailWarrant("MAIL1"))
        try store.modifyWarrant(liid: "MAIL1") { $0.target = .email(Sample.emailTargets("Erin@Example.ORG")) }
        try store.addServers([KnownServer(kind: .smtp, address: "192.0.2.25", port: 25)])
        #expect(try store.warrant(liid: "MAIL1")?.target == .email(Sample.emailTargets("Erin@example.org")))
        #expect(added.target.email?.count == 2)
        #expect(try store.verifyAudit() == AuditVerification(rows: 15))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
        #expect(try scratch.store().warrant(liid: "MAIL1")?.target.kind == "email")
    }
}
