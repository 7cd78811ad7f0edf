import TestSupport
import Testing
import Warrants

/// `snapshotsSince(auditID:)`: the state after every committed change, so that a poller that wakes once a second
/// still sees a warrant that was added and ended in between.
@Suite struct ChangeFeedTests {
    @Test func aSnapshotNamesTheLastAuditRow() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        #expect(try store.snapshot().auditID == 0)
        #expect(try store.snapshotsSince(auditID: 0).isEmpty)
        try store.addAgency(Sample.agency())
        let snapshot = try store.snapshot()
        #expect(snapshot.auditID == 1)
        #expect(snapshot.changeID == 1)
        #expect(try store.snapshotsSince(auditID: 1).isEmpty)
        let beyond = storeError { () throws(StoreError) in _ = try store.snapshotsSince(auditID: 2) }
        #expect(beyond?.message.contains("ends at row 1, before row 2") == true)
    }

    @Test func aWarrantAddedAndEndedBetweenPollsAppearsInBothStates() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        let last = try store.snapshot()
        let added = try store.addWarrant(Sample.warrant())
        try store.endWarrant(liid: "LIID1", atMicros: 1_767_225_600_000_000)
        let snapshots = try store.snapshotsSince(auditID: last.auditID)
        #expect(snapshots.map(\.auditID) == [2, 3])
        #expect(snapshots.map(\.changeID) == [2, 3])
        #expect(snapshots[0].ipWarrants == [added])
        #expect(snapshots[0].agencies == last.agencies)
        #expect(snapshots[1].ipWarrants.isEmpty)
        #expect(snapshots[1] == (try store.snapshot()))
    }

    @Test func everyModificationIsAState() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("beta", country: "AU"))
        try store.addWarrant(Sample.voipWarrant("V1"))
        let last = try store.snapshot()
        let first = try store.modifyWarrant(liid: "V1") { $0.delivery = .iri }
        let second = try store.modifyWarrant(liid: "V1") { $0.agency = "beta" }
        try store.addServers([KnownServer(kind: .sip, address: "192.0.2.5", port: 5060)])
        try store.removeServers(kind: .sip, address: "192.0.2.5", port: nil)
        try store.addWarrant(Sample.warrant("B1", agency: "beta"))
        let snapshots = try store.snapshotsSince(auditID: last.auditID)
        #expect(snapshots.map(\.auditID) == [4, 5, 6, 7, 8])
        #expect(snapshots[0].voipWarrants == [first])
        #expect(snapshots[1].voipWarrants == [second])
        #expect(snapshots[2].servers == [KnownServer(kind: .sip, address: "192.0.2.5", port: 5060)])
        #expect(snapshots[3].servers.isEmpty)
        #expect(snapshots[4].ipWarrants.map(\.liid) == ["B1"])
        #expect(snapshots[4] == (try store.snapshot()))
        #expect(try store.snapshotsSince(auditID: 0).count == 8)
    }

    @Test func theReplayKeepsTheTablesOrder() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        for name in ["b", "a-x", "B", "a"] {
            try store.addAgency(Sample.agency(name))
        }
        for liid in ["Z9", "a1", "A1", "_1"] {
            try store.addWarrant(Sample.warrant(liid, agency: "a"))
        }
        try store.addServers([
            KnownServer(kind: .sip, address: "10.0.0.2", port: 5060),
            KnownServer(kind: .radius, address: "10.0.0.10", port: 1813),
            KnownServer(kind: .radius, address: "10.0.0.10", port: 1812),
            KnownServer(kind: .radius, address: "10.0.0.9", port: 1812),
        ])
        #expect(try store.snapshotsSince(auditID: 0).last == (try store.snapshot()))
    }

    @Test func aTableEditedOutsideTheStoreStopsTheFeed() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addWarrant(Sample.warrant())
        try scratch.raw("UPDATE warrant_targets SET value = 'eve' WHERE type = 'username'")
        let error = storeError { () throws(StoreError) in _ = try store.snapshotsSince(auditID: 0) }
        #expect(error?.code == .io)
        #expect(error?.message.contains("warrants \"LIID1\": field user differs from the audit log") == true)
        #expect(try store.snapshot().ipWarrants.first?.username == "eve")
    }
}
