import GRDB
import TestSupport
import Testing
import Warrants

/// UDP sinks in the store: added canonical, listed, removed unless a warrant names them, audited and replayed.
@Suite struct SinkStoreTests {
    @Test func addsListsAndSnapshotsSinks() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let raw = try store.addSink(Sample.rawSink)
        let alu = try store.addSink(
            UDPSink(
                address: "2001:DB8:0:0::9",
                port: 6000,
                encapsulation: .alu,
                direction: .to,
                sourceAddress: "2001:db8::0:1",
                sourcePort: 4000
            )
        )
        let jmirror = try store.addSink(
            UDPSink(
                address: "192.0.2.50",
                port: 5001,
                encapsulation: .jmirror,
                direction: .from,
                sourceAddress: "10.0.0.1"
            )
        )
        #expect(raw == Sample.rawSink)
        #expect(alu.address == "2001:db8::9")
        #expect(alu.sourceAddress == "2001:db8::1")
        #expect(alu.description == "[2001:db8::9]:6000 (alu, direction to, source [2001:db8::1]:4000)")
        #expect(jmirror.sourcePort == nil)
        #expect(try store.sinks() == [raw, jmirror, alu])
        #expect(try store.snapshot().sinks == [raw, jmirror, alu])
        #expect(try store.changeID() == 3)
        #expect(try store.verifyAudit() == AuditVerification(rows: 3))
        let snapshots = try store.snapshotsSince(auditID: 0)
        #expect(snapshots.map(\.sinks) == [[raw], [raw, alu], [raw, jmirror, alu]])
        #expect(try store.auditEntries().map(\.action) == ["sink.add", "sink.add", "sink.add"])
        #expect(
            try store.auditEntries().map(\.subject) == ["192.0.2.50:5000", "[2001:db8::9]:6000", "192.0.2.50:5001"]
        )
    }

    @Test func refusesADuplicateAndBadSinks() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addSink(Sample.rawSink)
        var again = Sample.rawSink
        again.encapsulation = .cisco
        let duplicate = storeError { () throws(StoreError) in try store.addSink(again) }
        #expect(duplicate?.code == .conflict)
        #expect(duplicate?.message == "sink 192.0.2.50:5000 already exists")
        let refusals: [(UDPSink, String)] = [
            (
                UDPSink(address: "sink.example", port: 5000, encapsulation: .raw),
                "ADDRESS:PORT \"sink.example:5000\" is not an IP address with a port in 1-65535"
            ),
            (
                UDPSink(address: "192.0.2.1", port: 0, encapsulation: .raw),
                "ADDRESS:PORT \"192.0.2.1:0\" is not an IP address with a port in 1-65535"
            ),
            (
                UDPSink(address: "192.0.2.1", port: 1, encapsulation: .raw, sourceAddress: "router"),
                "source \"router\" is not an IP address"
            ),
            (
                UDPSink(address: "192.0.2.1", port: 1, encapsulation: .raw, sourcePort: 4000),
                "a source port (4000) needs a source address: source"
            ),
        ]
        for (sink, message) in refusals {
            let error = storeError { () throws(StoreError) in try store.addSink(sink) }
            #expect(error?.code == .invalid)
            #expect(error?.message == message)
        }
        #expect(try store.sinks() == [Sample.rawSink])
        #expect(try store.changeID() == 1)
    }

    @Test func aSinkAWarrantNamesIsNotRemoved() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addSink(Sample.rawSink)
        let endpoint = Sample.rawSink.endpoint
        try store.addWarrant(Sample.mirrorWarrant("MIR1", sink: endpoint))
        try store.addWarrant(Sample.mirrorWarrant("MIR2", sink: endpoint))
        let inUse = storeError { () throws(StoreError) in try store.removeSink(address: "192.0.2.50", port: 5000) }
        #expect(inUse?.code == .conflict)
        #expect(
            inUse?.message
                == "sink 192.0.2.50:5000 is the sink of warrants \"MIR1\", \"MIR2\"; modify or end them first"
        )
        try store.endWarrant(liid: "MIR1", atMicros: 1_767_225_600_000_000)
        let one = storeError { () throws(StoreError) in try store.removeSink(address: "192.0.2.50", port: 5000) }
        #expect(one?.message == "sink 192.0.2.50:5000 is the sink of warrant \"MIR2\"; modify or end it first")
        try store.modifyWarrant(liid: "MIR2") { warrant in warrant.target = .ip(IPTarget(username: "bob")) }
        let removed = try store.removeSink(address: "192.0.2.50", port: 5000)
        #expect(removed == Sample.rawSink)
        #expect(try store.sinks().isEmpty)
        let gone = storeError { () throws(StoreError) in try store.removeSink(address: "192.0.2.50", port: 5000) }
        #expect(gone?.code == .notFound)
        #expect(gone?.message == "sink 192.0.2.50:5000 does not exist")
        #expect(try store.verifyAudit().isIntact)
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
        #expect(try store.auditEntries().last?.action == "sink.remove")
    }

    @Test(arguments: [
        ("UPDATE sinks SET direction = 'to'", "sinks \"192.0.2.50:5000\": field direction differs"),
        ("UPDATE sinks SET source_address = '10.0.0.1'", "sinks \"192.0.2.50:5000\": field source_address differs"),
        (
            "INSERT INTO sinks VALUES ('192.0.2.9', 9, 'raw', 'both', NULL, NULL)",
            "sinks \"192.0.2.9:9\": in the table but not in the audit log"
        ),
        ("DELETE FROM sinks", "sinks \"192.0.2.50:5000\": in the audit log but not in the table"),
        ("UPDATE sinks SET encapsulation = 'gre'", "invalid sink row"),
    ])
    func verifyFindsASinkEditedPastTheStore(_ edit: String, _ problem: String) throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addSink(Sample.rawSink)
        try scratch.raw(edit)
        let result = try store.verifyAudit()
        #expect(result.problem?.contains(problem) == true, "\(result)")
        let feed = storeError { () throws(StoreError) in _ = try store.snapshotsSince(auditID: 0) }
        #expect(feed?.code == .io)
    }
}
