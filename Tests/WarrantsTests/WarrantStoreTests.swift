import Foundation
import GRDB
import TestSupport
import Testing
import Warrants

@Suite struct WarrantStoreTests {
    @Test func createsOwnerOnlyDirectoryAndFileInWALMode() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store("nested/deeper/warrants.sqlite")
        try store.addAgency(Sample.agency())
        #expect(try scratch.mode("nested") == 0o700)
        #expect(try scratch.mode("nested/deeper") == 0o700)
        #expect(try scratch.mode("nested/deeper/warrants.sqlite") == 0o600)
        #expect(try scratch.mode("nested/deeper/warrants.sqlite-wal") == 0o600)
        let queue = try DatabaseQueue(path: scratch.file("nested/deeper/warrants.sqlite"))
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.schemaVersion() == WarrantStore.currentSchemaVersion)
    }

    @Test func narrowsAnExistingFileToOwnerOnly() throws {
        let scratch = try ScratchDirectory()
        #expect(FileManager.default.createFile(atPath: scratch.file("open.sqlite"), contents: nil))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: scratch.file("open.sqlite"))
        _ = try scratch.store("open.sqlite")
        #expect(try scratch.mode("open.sqlite") == 0o600)
    }

    @Test func reportsAnUnusablePathAsIO() {
        let error = storeError { () throws(StoreError) in
            _ = try WarrantStore(path: "/dev/null/x.sqlite", actor: .tester)
        }
        #expect(error?.code == .io)
    }

    @Test func addsListsShowsAndRemovesAgencies() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let stored = try store.addAgency(Sample.agency("acme", country: "nz"))
        try store.addAgency(Sample.agency("Beta", country: nil))
        #expect(stored.countryCode == "NZ")
        #expect(try store.agencies().map(\.name) == ["Beta", "acme"])
        #expect(try store.agency(named: "acme") == stored)
        #expect(try store.agency(named: "nobody") == nil)
        try store.removeAgency(named: "Beta")
        #expect(try store.agencies() == [stored])
    }

    @Test func refusesDuplicateAndUnknownAgencies() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        let duplicate = storeError { () throws(StoreError) in try store.addAgency(Sample.agency()) }
        #expect(duplicate?.code == .conflict)
        let unknown = storeError { () throws(StoreError) in try store.removeAgency(named: "nobody") }
        #expect(unknown?.code == .notFound)
        var bad = Sample.agency("other")
        bad.keepaliveWaitSeconds = bad.keepaliveSeconds
        let invalid = storeError { () throws(StoreError) in try store.addAgency(bad) }
        #expect(invalid?.code == .invalid)
        #expect(invalid?.field == "keepalive_wait_seconds")
        #expect(try store.changeID() == 1)
    }

    @Test func addsGetsListsAndEndsWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        let before = WallClock.nowMicros()
        let stored = try store.addWarrant(Sample.warrant("LIID1"))
        var second = Sample.warrant("LIID2")
        second.username = nil
        second.staticPrefixes = ["2001:DB8::1/56", "10.1.2.3/8"]
        second.sessionID = 7
        second.startMicros = 1_000
        second.endMicros = 2_000
        second.delivery = .cc
        let storedSecond = try store.addWarrant(second)
        #expect(stored.authorizationCountryCode == "NZ")
        #expect(stored.staticPrefixes == ["198.51.100.7/32"])
        #expect(stored.createdMicros >= before)
        #expect(storedSecond.staticPrefixes == ["2001:db8::/56", "10.0.0.0/8"])
        #expect(try store.warrant(liid: "LIID1") == stored)
        #expect(try store.warrant(liid: "LIID2") == storedSecond)
        #expect(try store.ipWarrants(includeEnded: false) == [stored, storedSecond])

        try store.endWarrant(liid: "LIID1", atMicros: 5_000)
        let ended = try #require(try store.warrant(liid: "LIID1"))
        #expect(ended.endedMicros == 5_000)
        #expect(try store.ipWarrants(includeEnded: false) == [storedSecond])
        #expect(try store.ipWarrants(includeEnded: true).map(\.liid) == ["LIID1", "LIID2"])
    }

    @Test func refusesBadWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addWarrant(Sample.warrant("LIID1"))
        try store.endWarrant(liid: "LIID1", atMicros: 1)

        let reused = storeError { () throws(StoreError) in try store.addWarrant(Sample.warrant("LIID1")) }
        #expect(reused?.code == .conflict)
        #expect(reused?.field == "liid")
        let noAgency = storeError { () throws(StoreError) in
            try store.addWarrant(Sample.warrant("X", agency: "nobody"))
        }
        #expect(noAgency?.code == .notFound)
        #expect(noAgency?.field == "agency")
        var endedAlready = Sample.warrant("Y")
        endedAlready.endedMicros = 1
        #expect(storeError { () throws(StoreError) in try store.addWarrant(endedAlready) }?.code == .invalid)
        var badCountry = Sample.warrant("Z")
        badCountry.deliveryCountryCode = "N1"
        let country = storeError { () throws(StoreError) in try store.addWarrant(badCountry) }
        #expect(country?.message == "delivery_country_code \"N1\" is not a 2-letter country code")
        let twice = storeError { () throws(StoreError) in try store.endWarrant(liid: "LIID1", atMicros: 2) }
        #expect(twice?.code == .conflict)
        let unknown = storeError { () throws(StoreError) in try store.endWarrant(liid: "nope", atMicros: 2) }
        #expect(unknown?.code == .notFound)
        #expect(try store.warrant(liid: "LIID1")?.endedMicros == 1)
    }

    @Test func agencyRemovalWaitsForItsWarrantsToEnd() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addWarrant(Sample.warrant("LIID1"))
        let refused = storeError { () throws(StoreError) in try store.removeAgency(named: "acme") }
        #expect(refused?.code == .conflict)
        #expect(refused?.message.contains("LIID1") == true)
        try store.endWarrant(liid: "LIID1", atMicros: WallClock.nowMicros())
        try store.removeAgency(named: "acme")
        #expect(try store.agencies().isEmpty)
        #expect(try store.warrant(liid: "LIID1") != nil)
    }

    @Test func addsListsAndRemovesServers() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let added = try store.addServers([
            KnownServer(kind: .radius, address: "192.0.2.1", port: 1812),
            KnownServer(kind: .radius, address: "192.0.2.1", port: 1813),
            KnownServer(kind: .radius, address: "2001:DB8::1", port: 1812),
            KnownServer(kind: .radius, address: "192.0.2.1", port: 1812),
        ])
        #expect(added.count == 3)
        #expect(added[2].address == "2001:db8::1")
        #expect(try store.servers().count == 3)
        let duplicate = storeError { () throws(StoreError) in
            try store.addServers([KnownServer(kind: .radius, address: "192.0.2.9", port: 1812), added[0]])
        }
        #expect(duplicate?.code == .conflict)
        #expect(try store.servers().count == 3)
        #expect(storeError { () throws(StoreError) in try store.addServers([]) }?.code == .invalid)
        let badAddress = storeError { () throws(StoreError) in
            try store.addServers([KnownServer(kind: .radius, address: "radius.example", port: 1812)])
        }
        #expect(badAddress?.field == "ADDRESS")

        let one = try store.removeServers(kind: .radius, address: "2001:db8:0::1", port: 1812)
        #expect(one.count == 1)
        let all = try store.removeServers(kind: .radius, address: "192.0.2.1", port: nil)
        #expect(all.count == 2)
        #expect(try store.servers().isEmpty)
        let none = storeError { () throws(StoreError) in
            _ = try store.removeServers(kind: .radius, address: "192.0.2.1", port: nil)
        }
        #expect(none?.code == .notFound)
    }

    @Test func changeIDBumpsOncePerCommittedWrite() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let follower = try scratch.store()
        #expect(try store.changeID() == 0)
        try store.addAgency(Sample.agency())
        #expect(try follower.changeID() == 1)
        _ = storeError { () throws(StoreError) in try store.addAgency(Sample.agency()) }
        #expect(try follower.changeID() == 1)
        try store.addWarrant(Sample.warrant())
        try store.addServers([KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])
        try store.endWarrant(liid: "LIID1", atMicros: 1)
        #expect(try follower.changeID() == 4)
    }

    @Test func snapshotHoldsWhatTheApplianceNeeds() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addWarrant(Sample.warrant("LIID1"))
        try store.addWarrant(Sample.warrant("LIID2"))
        try store.endWarrant(liid: "LIID2", atMicros: 1)
        try store.addServers([KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])
        let snapshot = try store.snapshot()
        #expect(snapshot.changeID == 5)
        #expect(snapshot.agencies.map(\.name) == ["acme"])
        #expect(snapshot.ipWarrants.map(\.liid) == ["LIID1"])
        #expect(snapshot.servers == [KnownServer(kind: .radius, address: "192.0.2.1", port: 1812)])
    }

    @Test(
        arguments: [
            (nil, nil, nil, WarrantStatus.active), (100, nil, nil, .pending), (nil, 50, nil, .expired),
            (nil, 51, nil, .active), (10, 90, nil, .active), (10, 90, 20, .ended), (nil, 50, 20, .ended),
        ] as [(Int64?, Int64?, Int64?, WarrantStatus)]
    )
    func statusFollowsTheWindow(_ start: Int64?, _ end: Int64?, _ ended: Int64?, _ status: WarrantStatus) {
        var warrant = Sample.warrant()
        warrant.startMicros = start
        warrant.endMicros = end
        warrant.endedMicros = ended
        #expect(warrant.status(atMicros: 50) == status)
    }
}
