import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v9 (per-agency payload encryption and integrity checks): a v8 store written by the release before it
/// (`Fixtures/v8-store.sqlite`, made with that release's command line: agencies acme and beta, plaintext; IP warrants
/// LIID1, modified, LIID2, ended, MIR1 (a JMirror id) and SNK1 (a raw sink); VoIP V1, email E1 and mobile M1;
/// RADIUS, SIP and JMirror servers; one raw sink; 15 audit rows chained under `v8-store.sqlite.audit-key`) keeps
/// every row as it was, its agencies have no protection, and they take it afterwards.
@Suite struct MigrationV9Tests {
    @Test func keepsEveryRowAndTheAuditLogVerifiable() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 8).copy(into: scratch)
        #expect(try StoreFixture.fileVersion(scratch) == 8)
        let before = try StoreFixture.rows(scratch)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == 9)
        #expect(try StoreFixture.fileVersion(scratch) == 9)
        #expect(try StoreFixture.rows(scratch) == before)
        let agencies = try store.agencies()
        #expect(agencies.map(\.name) == ["acme", "beta"])
        #expect(agencies.allSatisfy { $0.encryption == nil && $0.integrity == nil })
        #expect(agencies[1].etsiProfile == .openli)
        let warrants = try store.warrants(includeEnded: true)
        #expect(warrants.map(\.liid) == ["E1", "LIID1", "LIID2", "M1", "MIR1", "SNK1", "V1"])
        #expect(try store.sinks().count == 1)
        #expect(try store.verifyAudit() == AuditVerification(rows: 15))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func takesProtectionAfterwards() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 8).copy(into: scratch)
        let store = try scratch.store()
        try store.modifyAgency(named: "beta") { agency in
            agency.encryption = AgencyProtectionStoreTests.protectedAgency().encryption
            agency.integrity = AgencyIntegrity(hash: .sha256)
        }
        try store.addAgency(AgencyProtectionStoreTests.protectedAgency("gamma"))
        #expect(try store.verifyAudit() == AuditVerification(rows: 15 + 2))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
        let reopened = try scratch.store()
        #expect(try reopened.agency(named: "beta")?.integrity == AgencyIntegrity(hash: .sha256))
        #expect(try reopened.agency(named: "gamma") == AgencyProtectionStoreTests.protectedAgency("gamma"))
        #expect(try reopened.agency(named: "acme")?.encryption == nil)
    }
}
