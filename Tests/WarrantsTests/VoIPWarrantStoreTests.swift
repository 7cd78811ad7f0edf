import TestSupport
import Testing
import Warrants

extension Sample {
    /// A VoIP warrant for agency `acme` on alice at any host and a number ending in 3257781.
    static func voipWarrant(_ liid: String = "VOIP1", agency: String = "acme") -> Warrant {
        Warrant(
            liid: liid,
            agency: agency,
            target: .voip([.sip(user: "alice", host: nil), .tel(number: "3257781", suffix: true)]),
            authorizationCountryCode: "nz",
            deliveryCountryCode: "NZ"
        )
    }
}

@Suite struct VoIPWarrantStoreTests {
    /// A store with agencies `acme` (NZ) and `beta` (AU).
    private func prepared(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("beta", country: "AU"))
        return store
    }

    @Test func addsGetsListsAndSnapshotsVoIPWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let before = WallClock.nowMicros()
        let first = try store.addWarrant(Sample.voipWarrant("VOIP1"))
        var second = Sample.voipWarrant("VOIP2", agency: "beta")
        second.targets = [
            .sip(user: "Bob", host: "Example.NET"), .tel(number: "+643257781", suffix: false),
            .sip(user: "Bob", host: "example.net"),
        ]
        second.startMicros = 1_000
        second.endMicros = 2_000
        second.delivery = .iri
        let storedSecond = try store.addWarrant(second)
        #expect(first.authorizationCountryCode == "NZ")
        #expect(first.createdMicros >= before)
        #expect(first.modifiedMicros == nil)
        #expect(
            storedSecond.targets == [.sip(user: "Bob", host: "example.net"), .tel(number: "+643257781", suffix: false)]
        )
        #expect(try store.warrant(liid: "VOIP1") == first)
        #expect(try store.warrant(liid: "VOIP2") == storedSecond)
        #expect(try store.warrant(liid: "nope") == nil)
        #expect(try store.voipWarrants(includeEnded: false) == [first, storedSecond])
        #expect(try store.ipWarrants(includeEnded: true).isEmpty)

        try store.addWarrant(Sample.warrant("IP1"))
        let snapshot = try store.snapshot()
        #expect(snapshot.voipWarrants == [first, storedSecond])
        #expect(snapshot.ipWarrants.map(\.liid) == ["IP1"])
        #expect(snapshot.changeID == 5)
    }

    @Test func agencyWithAVoIPWarrantCannotBeRemovedUntilItEnds() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.voipWarrant("VOIP1"))
        #expect(throws: StoreError.self) { try store.removeAgency(named: "acme") }
        #expect(try store.agency(named: "acme") != nil)
        try store.endWarrant(liid: "VOIP1", atMicros: WallClock.nowMicros())
        try store.removeAgency(named: "acme")
        #expect(try store.agency(named: "acme") == nil)
    }

    @Test func endsVoIPWarrantsOnce() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.voipWarrant("VOIP1"))
        try store.addWarrant(Sample.voipWarrant("VOIP2"))
        try store.endWarrant(liid: "VOIP1", atMicros: 5_000)
        #expect(try store.warrant(liid: "VOIP1")?.endedMicros == 5_000)
        #expect(try store.warrant(liid: "VOIP1")?.status(atMicros: 1) == .ended)
        #expect(try store.voipWarrants(includeEnded: false).map(\.liid) == ["VOIP2"])
        #expect(try store.voipWarrants(includeEnded: true).map(\.liid) == ["VOIP1", "VOIP2"])
        #expect(try store.snapshot().voipWarrants.map(\.liid) == ["VOIP2"])
        let twice = storeError { () throws(StoreError) in try store.endWarrant(liid: "VOIP1", atMicros: 6_000) }
        #expect(twice?.code == .conflict)
        #expect(try store.warrant(liid: "VOIP1")?.endedMicros == 5_000)
    }

    @Test func modifiesAVoIPWarrant() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let original = try store.addWarrant(Sample.voipWarrant())
        let changeID = try store.changeID()
        let modified = try store.modifyWarrant(liid: "VOIP1") { warrant in
            warrant.targets = [.tel(number: "0064 3257781", suffix: false), .sip(user: "carol", host: "Voip.Example")]
            warrant.agency = "beta"
            warrant.deliveryCountryCode = "au"
            warrant.liid = "OTHER"
            warrant.createdMicros = 1
        }
        #expect(
            modified.targets == [.tel(number: "00643257781", suffix: false), .sip(user: "carol", host: "voip.example")]
        )
        #expect(modified.agency == "beta")
        #expect(modified.deliveryCountryCode == "AU")
        #expect(modified.liid == "VOIP1")
        #expect(modified.createdMicros == original.createdMicros)
        #expect(try #require(modified.modifiedMicros) > original.createdMicros)
        #expect(try store.warrant(liid: "VOIP1") == modified)
        #expect(try store.warrant(liid: "OTHER") == nil)
        #expect(try store.changeID() == changeID + 1)

        let same = try store.modifyWarrant(liid: "VOIP1") { $0.deliveryCountryCode = "AU" }
        #expect(same == modified)
        #expect(try store.changeID() == changeID + 1)
    }

    @Test func refusesToModifyWhatItCannot() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.voipWarrant())
        try store.addWarrant(Sample.warrant("IP1"))
        let ip = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "IP1") { $0.target = .voip([.sip(user: "eve", host: nil)]) }
        }
        #expect(ip?.code == .invalid)
        let voip = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "VOIP1") { $0.target = .ip(IPTarget(username: "eve")) }
        }
        #expect(voip?.message == "warrant \"VOIP1\" is a voip warrant; its kind cannot change")
        let missing = storeError { () throws(StoreError) in try store.modifyWarrant(liid: "NONE") { $0.delivery = .cc }
        }
        #expect(missing?.code == .notFound)
        let agency = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "VOIP1") { $0.agency = "nobody" }
        }
        #expect(agency?.message == "agency \"nobody\" does not exist")
        try store.endWarrant(liid: "VOIP1", atMicros: 1)
        let ended = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "VOIP1") { $0.delivery = .cc }
        }
        #expect(ended?.code == .conflict)
        #expect(try store.warrant(liid: "VOIP1")?.delivery == .both)
    }

    @Test func aLIIDIsUniqueAcrossKinds() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.warrant("SHARED1"))
        try store.addWarrant(Sample.voipWarrant("SHARED2"))
        try store.endWarrant(liid: "SHARED2", atMicros: 1)
        let changeID = try store.changeID()
        let voip = storeError { () throws(StoreError) in try store.addWarrant(Sample.voipWarrant("SHARED1")) }
        #expect(voip?.code == .conflict)
        #expect(voip?.message == "liid \"SHARED1\" is already in use")
        let ip = storeError { () throws(StoreError) in try store.addWarrant(Sample.warrant("SHARED2")) }
        #expect(ip?.code == .conflict)
        #expect(ip?.field == "liid")
        let again = storeError { () throws(StoreError) in try store.addWarrant(Sample.voipWarrant("SHARED2")) }
        #expect(again?.code == .conflict)
        #expect(try store.changeID() == changeID)
        #expect(try store.voipWarrants(includeEnded: true).map(\.liid) == ["SHARED2"])
        #expect(try store.ipWarrants(includeEnded: true).map(\.liid) == ["SHARED1"])
    }

    @Test func auditsEveryChangeAndTheChainVerifies() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.voipWarrant())
        try store.modifyWarrant(liid: "VOIP1") { $0.targets = [.sip(user: "alice", host: "example.net")] }
        try store.endWarrant(liid: "VOIP1", atMicros: 1_767_225_600_000_000)
        let entries = Array(try store.auditEntries().dropFirst(2))
        #expect(entries.map(\.action) == ["warrant.add", "warrant.modify", "warrant.end"])
        #expect(entries.map(\.subject) == ["VOIP1", "VOIP1", "VOIP1"])
        #expect(entries[0].before == nil)
        let added = try #require(entries[0].after)
        #expect(added.hasPrefix("{\"liid\":\"VOIP1\",\"kind\":\"voip\",\"agency\":\"acme\""))
        #expect(added.contains("\"targets\":[\"sip:alice@*\",\"tel:*3257781\"]"))
        #expect(entries[1].before == added)
        #expect(entries[1].after?.contains("\"targets\":[\"sip:alice@example.net\"]") == true)
        #expect(entries[2].before == entries[1].after)
        #expect(entries[2].after?.contains("\"ended\":\"2026-01-01T00:00:00Z\"") == true)
        #expect(try store.verifyAudit() == AuditVerification(rows: 5))
    }

    /// Warrants the store must refuse, the field the error names and its message.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout Warrant) -> Void
        var field: String
        var message: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "no target",
            change: { $0.targets = [] },
            field: "sip_uri",
            message: "a warrant needs a target: sip_uri or tel"
        ),
        Refusal(
            name: "65 targets",
            change: { $0.targets = (0..<65).map { .tel(number: String(1000 + $0), suffix: false) } },
            field: "sip_uri",
            message: "a warrant has at most 64 targets (sip_uri and tel), not 65"
        ),
        Refusal(
            name: "SIP user with a space",
            change: { $0.targets = [.sip(user: "a b", host: "example.net")] },
            field: "sip_uri",
            message: "sip_uri \"sip:a b@example.net\" is not a SIP URI (sip:user@host or sip:user@*)"
        ),
        Refusal(
            name: "short number",
            change: { $0.targets = [.tel(number: "12", suffix: false)] },
            field: "tel",
            message: "tel \"tel:12\" is not a telephone number (+digits, digits or *digits; 3-32 digits)"
        ),
        Refusal(
            name: "bad LIID",
            change: { $0.liid = "has space" },
            field: "liid",
            message: "liid \"has space\" is not a LIID (1-25 printable ASCII characters, no spaces)"
        ),
        Refusal(
            name: "bad country",
            change: { $0.authorizationCountryCode = "N1" },
            field: "authorization_country_code",
            message: "authorization_country_code \"N1\" is not a 2-letter country code"
        ),
        Refusal(
            name: "window",
            change: {
                $0.startMicros = 1_767_225_600_000_000
                $0.endMicros = 1_767_225_600_000_000
            },
            field: "end",
            message: "end \"2026-01-01T00:00:00Z\" is not after start \"2026-01-01T00:00:00Z\""
        ),
        Refusal(
            name: "ended",
            change: { $0.endedMicros = 1 },
            field: "ended",
            message: "a new warrant cannot already be ended"
        ),
        Refusal(
            name: "unknown agency",
            change: { $0.agency = "nobody" },
            field: "agency",
            message: "agency \"nobody\" does not exist"
        ),
    ]

    @Test(arguments: refusals)
    func invalidValuesNeverReachTheStore(_ refusal: Refusal) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let kept = try store.addWarrant(Sample.voipWarrant("KEPT"))
        let changeID = try store.changeID()
        var warrant = Sample.voipWarrant()
        refusal.change(&warrant)
        let added = storeError { () throws(StoreError) in try store.addWarrant(warrant) }
        #expect(added?.field == refusal.field)
        #expect(added?.message == refusal.message)
        if refusal.name != "ended" && refusal.name != "bad LIID" {
            let modified = storeError { () throws(StoreError) in
                try store.modifyWarrant(liid: "KEPT", refusal.change)
            }
            #expect(modified?.message == refusal.message)
        }
        #expect(try store.changeID() == changeID)
        #expect(try store.voipWarrants(includeEnded: true) == [kept])
        #expect(try store.verifyAudit() == AuditVerification(rows: 3))
    }
}
