import GRDB
import TestSupport
import Testing
import Warrants

extension Sample {
    /// An IP warrant for agency `acme` on mirror id `interceptID` of `vendor`, and no other target.
    static func mirrorWarrant(
        _ liid: String = "MIR1",
        interceptID: UInt32 = 1234,
        vendor: MirrorVendor? = .jmirror,
        sink: Endpoint? = nil
    ) -> Warrant {
        Warrant(
            liid: liid,
            agency: "acme",
            target: .ip(
                IPTarget(sessionID: 7, mirror: MirrorTarget(interceptID: interceptID, vendor: vendor), sink: sink)
            ),
            authorizationCountryCode: "NZ",
            deliveryCountryCode: "NZ"
        )
    }

    /// A raw sink on 192.0.2.50:5000.
    static let rawSink = UDPSink(address: "192.0.2.50", port: 5000, encapsulation: .raw)
}

/// IP warrants on vendor mirror ids and raw UDP sinks: kept as `warrant_targets` rows, audited, replayed, and a sink
/// that is not a configured raw one refused in the transaction.
@Suite struct MirrorWarrantStoreTests {
    /// A store with agency `acme` and the raw sink 192.0.2.50:5000.
    private func prepared(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addSink(Sample.rawSink)
        return store
    }

    @Test func addsGetsAndSnapshotsMirrorAndSinkWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let mirror = try store.addWarrant(Sample.mirrorWarrant())
        let anyVendor = try store.addWarrant(Sample.mirrorWarrant("MIR2", interceptID: .max, vendor: nil))
        var sinkOnly = Sample.mirrorWarrant("SINK1")
        sinkOnly.target = .ip(IPTarget(sessionID: 9, sink: Endpoint(host: "192.0.2.50", port: 5000)))
        let sink = try store.addWarrant(sinkOnly)
        #expect(mirror.target.ip?.mirror == MirrorTarget(interceptID: 1234, vendor: .jmirror))
        #expect(anyVendor.target.ip?.mirror == MirrorTarget(interceptID: .max))
        #expect(sink.target.ip?.sink == Endpoint(host: "192.0.2.50", port: 5000))
        #expect(try store.warrant(liid: "MIR1") == mirror)
        #expect(try store.warrant(liid: "MIR2") == anyVendor)
        #expect(try store.warrant(liid: "SINK1") == sink)
        #expect(try store.snapshot().warrants == [mirror, anyVendor, sink])
        #expect(try store.verifyAudit() == AuditVerification(rows: 5))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func keepsTheMirrorAndTheSinkAsRowsAfterTheSessionID() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        var warrant = Sample.mirrorWarrant(vendor: .alu, sink: Endpoint(host: "192.0.2.50", port: 5000))
        warrant.target = .ip(
            IPTarget(
                username: "bob",
                staticPrefixes: ["198.51.100.7"],
                sessionID: 7,
                mirror: MirrorTarget(interceptID: 1234, vendor: .alu),
                sink: Endpoint(host: "192.0.2.50", port: 5000)
            )
        )
        try store.addWarrant(warrant)
        try store.addWarrant(Sample.mirrorWarrant("MIR2", vendor: nil))
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT liid, position, type, value FROM warrant_targets ORDER BY liid, position")
                .map { row in
                    [row["liid"] as String, String(row["position"] as Int64), row["type"] as String, row["value"]]
                }
        }
        #expect(
            rows == [
                ["MIR1", "0", "username", "bob"], ["MIR1", "1", "static_prefix", "198.51.100.7/32"],
                ["MIR1", "2", "session_id", "7"], ["MIR1", "3", "mirror_id", "1234"],
                ["MIR1", "4", "mirror_vendor", "alu"], ["MIR1", "5", "sink", "192.0.2.50:5000"],
                ["MIR2", "0", "session_id", "7"], ["MIR2", "1", "mirror_id", "1234"],
            ]
        )
        let audit = try store.auditEntries().last?.after ?? ""
        #expect(audit.contains("\"session_id\":7,\"mirror_id\":1234,\"mirror_vendor\":null,\"auth_cc\""))
        let first = try store.auditEntries().dropLast().last?.after ?? ""
        #expect(first.contains("\"mirror_id\":1234,\"mirror_vendor\":\"alu\",\"sink\":\"192.0.2.50:5000\""))
    }

    @Test func anIPWarrantWithoutMirrorOrSinkIsAuditedAsBefore() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.warrant())
        let after = try store.auditEntries().last?.after ?? ""
        #expect(after.contains("\"session_id\":1,\"auth_cc\":\"NZ\""))
        #expect(!after.contains("mirror") && !after.contains("sink"))
    }

    @Test(arguments: [
        "UPDATE warrant_targets SET value = 'x' WHERE type = 'mirror_id'",
        "UPDATE warrant_targets SET value = '4294967296' WHERE type = 'mirror_id'",
        "UPDATE warrant_targets SET value = 'juniper' WHERE type = 'mirror_vendor'",
        "DELETE FROM warrant_targets WHERE type = 'mirror_id'",
        "UPDATE warrant_targets SET value = '192.0.2.50' WHERE type = 'sink'",
        "INSERT INTO warrant_targets VALUES ('MIR1', 9, 'mirror_id', '5')",
        "INSERT INTO warrant_targets VALUES ('MIR1', 9, 'sink', '192.0.2.51:5000')",
    ])
    func anUnreadableMirrorRowIsAnErrorNotACrash(_ edit: String) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mirrorWarrant(sink: Endpoint(host: "192.0.2.50", port: 5000)))
        try scratch.raw(edit)
        let error = storeError { () throws(StoreError) in _ = try store.warrant(liid: "MIR1") }
        #expect(error?.code == .io)
        #expect(error?.message.contains("invalid ip target for warrant MIR1") == true)
    }

    @Test(arguments: [
        ("UPDATE warrant_targets SET value = '99' WHERE type = 'mirror_id'", "warrants \"MIR1\": field mirror_id"),
        ("UPDATE warrant_targets SET value = 'cisco' WHERE type = 'mirror_vendor'", "field mirror_vendor differs"),
        ("DELETE FROM warrant_targets WHERE type = 'mirror_vendor'", "warrants \"MIR1\": field mirror_vendor"),
        ("DELETE FROM warrant_targets WHERE type = 'sink'", "warrants \"MIR1\": field sink differs"),
        ("DELETE FROM warrant_targets WHERE type IN ('mirror_id', 'mirror_vendor')", "field mirror_id differs"),
    ])
    func verifyFindsAMirrorFieldEditedPastTheStore(_ edit: String, _ problem: String) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mirrorWarrant(sink: Endpoint(host: "192.0.2.50", port: 5000)))
        try scratch.raw(edit)
        let result = try store.verifyAudit()
        #expect(result.problem?.contains(problem) == true, "\(result)")
    }

    @Test func modifiesTheMirrorAndTheSink() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addSink(UDPSink(address: "2001:db8::50", port: 5001, encapsulation: .raw))
        try store.addWarrant(Sample.mirrorWarrant())
        let changeID = try store.changeID()
        let modified = try store.modifyWarrant(liid: "MIR1") { warrant in
            warrant.target = .ip(
                IPTarget(
                    sessionID: 7,
                    mirror: MirrorTarget(interceptID: 0xFFFF_FFFF, vendor: .cisco),
                    sink: Endpoint(host: "2001:DB8:0::50", port: 5001)
                )
            )
        }
        #expect(modified.target.ip?.mirror == MirrorTarget(interceptID: 0xFFFF_FFFF, vendor: .cisco))
        #expect(modified.target.ip?.sink == Endpoint(host: "2001:db8::50", port: 5001))
        #expect(try store.changeID() == changeID + 1)
        let dropped = try store.modifyWarrant(liid: "MIR1") { warrant in
            warrant.target = .ip(IPTarget(sessionID: 7, sink: Endpoint(host: "2001:db8::50", port: 5001)))
        }
        #expect(dropped.target.ip?.mirror == nil)
        #expect(try store.warrant(liid: "MIR1") == dropped)
        #expect(try store.verifyAudit() == AuditVerification(rows: 6))
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func aWarrantsSinkMustBeAConfiguredRawSink() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addSink(UDPSink(address: "192.0.2.51", port: 5000, encapsulation: .jmirror))
        let changeID = try store.changeID()
        let missing = storeError { () throws(StoreError) in
            try store.addWarrant(Sample.mirrorWarrant(sink: Endpoint(host: "192.0.2.52", port: 5000)))
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.field == "sink")
        #expect(missing?.message == "sink \"192.0.2.52:5000\" is not a configured sink")
        let vendor = storeError { () throws(StoreError) in
            try store.addWarrant(Sample.mirrorWarrant(sink: Endpoint(host: "192.0.2.51", port: 5000)))
        }
        #expect(
            vendor?.message
                == "sink \"192.0.2.51:5000\" is not a raw sink (its encapsulation is jmirror; the warrant's mirror_id"
                + " matches vendor streams)"
        )
        try store.addWarrant(Sample.mirrorWarrant())
        let modify = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "MIR1") { warrant in
                warrant.target = .ip(IPTarget(sessionID: 7, sink: Endpoint(host: "192.0.2.51", port: 5000)))
            }
        }
        #expect(modify?.field == "sink")
        #expect(try store.warrant(liid: "MIR1")?.target.ip?.sink == nil)
        #expect(try store.changeID() == changeID + 1)
    }
}
