import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

/// Schema v8 (vendor-mirror warrants and UDP sinks): a v7 store written by the release before it
/// (`Fixtures/v7-store.sqlite`, made with that release's command line: agencies acme and beta; IP warrants LIID1,
/// modified, and LIID2, ended; VoIP warrants V1, modified, and V2, ended; email warrants E1, modified, and E2, ended;
/// mobile warrants M1, modified, and M2, ended; RADIUS, SIP, SMTP, IMAP and GTP servers; 23 audit rows chained under
/// `v7-store.sqlite.audit-key`) keeps every row as it was, and then takes mirror warrants and sinks.
@Suite struct MigrationV8Tests {
    @Test func keepsEveryRowAndTheAuditLogVerifiable() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 7).copy(into: scratch)
        #expect(try StoreFixture.fileVersion(scratch) == 7)
        let before = try StoreFixture.rows(scratch)
        let store = try scratch.store()
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
        #expect(try StoreFixture.fileVersion(scratch) == WarrantStore.currentSchemaVersion)
        #expect(try StoreFixture.rows(scratch) == before)
        let warrants = try store.warrants(includeEnded: true)
        #expect(warrants.map(\.liid) == ["E1", "E2", "LIID1", "LIID2", "M1", "M2", "V1", "V2"])
        #expect(warrants.map(\.target.kind) == ["email", "email", "ip", "ip", "mobile", "mobile", "voip", "voip"])
        #expect(
            warrants[2].target
                == .ip(IPTarget(username: "bob", staticPrefixes: ["198.51.100.7/32", "2001:db8::/56"], sessionID: 7))
        )
        #expect(warrants[2].modifiedMicros != nil)
        #expect(warrants[3].endedMicros != nil)
        #expect(warrants[4].target == .mobile([.msisdn("61412345678")]))
        #expect(warrants[4].agency == "beta")
        #expect(warrants[5].endedMicros != nil)
        let mirrored = warrants.filter { $0.target.ip?.mirror != nil || $0.target.ip?.sink != nil }
        #expect(mirrored.isEmpty)
        #expect(
            try store.servers().map(\.description) == [
                "gtp 192.0.2.6:2123", "imap 192.0.2.26:143", "imap [2001:db8::143]:993", "radius 192.0.2.2:1812",
                "radius 192.0.2.2:1813", "sip 192.0.2.3:5060", "smtp 192.0.2.25:25",
            ]
        )
        #expect(try store.sinks().isEmpty)
        #expect(try store.snapshot().sinks.isEmpty)
        #expect(try store.verifyAudit() == AuditVerification(rows: 23))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func takesMirrorWarrantsSinksAndMirrorServersAfterwards() throws {
        let scratch = try ScratchDirectory()
        try StoreFixture(version: 7).copy(into: scratch)
        let store = try scratch.store()
        try store.addSink(Sample.rawSink)
        try store.addWarrant(Sample.mirrorWarrant("MIR1", sink: Sample.rawSink.endpoint))
        try store.modifyWarrant(liid: "LIID1") { warrant in
            warrant.target = .ip(IPTarget(username: "bob", sessionID: 7, mirror: MirrorTarget(interceptID: 77)))
        }
        try store.addServers([KnownServer(kind: .aluMirror, address: "192.0.2.7", port: 30030)])
        #expect(try store.warrant(liid: "MIR1")?.target.ip?.mirror == MirrorTarget(interceptID: 1234, vendor: .jmirror))
        #expect(try store.warrant(liid: "LIID1")?.target.ip?.mirror == MirrorTarget(interceptID: 77))
        #expect(try store.verifyAudit() == AuditVerification(rows: 23 + 4))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
        let reopened = try scratch.store()
        #expect(try reopened.sinks() == [Sample.rawSink])
        #expect(try reopened.warrant(liid: "MIR1")?.target.ip?.sink == Sample.rawSink.endpoint)
    }
}
