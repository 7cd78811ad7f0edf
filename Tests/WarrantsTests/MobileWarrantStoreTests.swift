import GRDB
import TestSupport
import Testing
import Warrants

extension Sample {
    /// A mobile warrant for agency `acme` on an IMSI, an MSISDN given with `+` and an IMEI.
    static func mobileWarrant(_ liid: String = "MOB1", agency: String = "acme") -> Warrant {
        Warrant(
            liid: liid,
            agency: agency,
            target: .mobile(mobileIdentities),
            authorizationCountryCode: "nz",
            deliveryCountryCode: "NZ"
        )
    }

    /// IMSI 001011234500017, MSISDN +6421555123 and IMEI 35693803564380, as code may build them.
    static let mobileIdentities: [MobileIdentity] = [
        .imsi("001011234500017"), .msisdn("+6421555123"), .imei("35693803564380"),
    ]
}

@Suite struct MobileWarrantStoreTests {
    /// A store with agencies `acme` (NZ) and `beta` (AU).
    private func prepared(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("beta", country: "AU"))
        return store
    }

    @Test func addsGetsListsAndSnapshotsMobileWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let first = try store.addWarrant(Sample.mobileWarrant("MOB1"))
        var second = Sample.mobileWarrant("MOB2", agency: "beta")
        second.target = .mobile([.imei("3569380356438012"), .imsi("123456"), .imei("3569380356438012")])
        second.delivery = .iri
        let storedSecond = try store.addWarrant(second)
        #expect(first.target.kind == "mobile")
        #expect(first.target.mobile == [.imsi("001011234500017"), .msisdn("6421555123"), .imei("35693803564380")])
        #expect(first.authorizationCountryCode == "NZ")
        #expect(storedSecond.target.mobile == [.imei("3569380356438012"), .imsi("123456")])
        #expect(try store.warrant(liid: "MOB1") == first)
        #expect(try store.warrant(liid: "MOB2") == storedSecond)
        #expect(try store.warrants(includeEnded: false) == [first, storedSecond])
        try store.addWarrant(Sample.warrant("IP1"))
        try store.addWarrant(Sample.emailWarrant("E1"))
        let snapshot = try store.snapshot()
        #expect(snapshot.warrants.map(\.liid) == ["E1", "IP1", "MOB1", "MOB2"])
        #expect(snapshot.warrants.filter { $0.target.mobile != nil } == [first, storedSecond])
        #expect(first.target.ip == nil && first.target.voip == nil && first.target.email == nil)
        #expect(Sample.warrant().target.mobile == nil)
    }

    @Test func keepsEachIdentityAsARowOfItsOwn() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mobileWarrant())
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT position, type, value FROM warrant_targets WHERE liid = 'MOB1'")
                .map { [String(describing: $0["position"] as Int64), $0["type"] as String, $0["value"] as String] }
        }
        #expect(
            rows == [
                ["0", "imsi", "001011234500017"], ["1", "msisdn", "6421555123"], ["2", "imei", "35693803564380"],
            ]
        )
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT kind FROM warrants") } == "mobile")
    }

    @Test(arguments: [
        "UPDATE warrant_targets SET value = 'x6421555123' WHERE position = 1",
        "UPDATE warrant_targets SET value = '+6421555123' WHERE position = 1",
        "UPDATE warrant_targets SET type = 'tel' WHERE position = 1",
        "UPDATE warrant_targets SET value = '1234' WHERE position = 2",
    ])
    func anUnreadableIdentityRowIsAnErrorNotACrash(_ edit: String) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mobileWarrant())
        try scratch.raw(edit)
        let error = storeError { () throws(StoreError) in _ = try store.warrant(liid: "MOB1") }
        #expect(error?.code == .io)
        #expect(error?.message.contains("invalid mobile target for warrant MOB1") == true)
    }

    @Test func modifiesAMobileWarrant() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let original = try store.addWarrant(Sample.mobileWarrant())
        let changeID = try store.changeID()
        let modified = try store.modifyWarrant(liid: "MOB1") { warrant in
            warrant.target = .mobile([.msisdn("+61412345678")])
            warrant.agency = "beta"
        }
        #expect(modified.target == .mobile([.msisdn("61412345678")]))
        #expect(modified.agency == "beta")
        #expect(modified.createdMicros == original.createdMicros)
        #expect(try store.warrant(liid: "MOB1") == modified)
        #expect(try store.changeID() == changeID + 1)
        let same = try store.modifyWarrant(liid: "MOB1") { $0.target = .mobile([.msisdn("61412345678")]) }
        #expect(same == modified)
        #expect(try store.changeID() == changeID + 1)
        let kind = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "MOB1") { $0.target = .email(Sample.emailTargets("erin@example.org")) }
        }
        #expect(kind?.message == "warrant \"MOB1\" is a mobile warrant; its kind cannot change")
    }

    @Test func aLIIDIsUniqueAcrossKinds() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.warrant("SHARED1"))
        try store.addWarrant(Sample.mobileWarrant("SHARED2"))
        let mobile = storeError { () throws(StoreError) in try store.addWarrant(Sample.mobileWarrant("SHARED1")) }
        #expect(mobile?.message == "liid \"SHARED1\" is already in use")
        let email = storeError { () throws(StoreError) in try store.addWarrant(Sample.emailWarrant("SHARED2")) }
        #expect(email?.code == .conflict)
    }

    @Test func auditsEveryChangeAndTheReplayReproducesTheWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mobileWarrant())
        try store.modifyWarrant(liid: "MOB1") { $0.target = .mobile([.imei("3569380356438012")]) }
        try store.addWarrant(Sample.mobileWarrant("MOB2"))
        try store.endWarrant(liid: "MOB1", atMicros: 1_767_225_600_000_000)
        let entries = Array(try store.auditEntries().dropFirst(2))
        #expect(entries.map(\.action) == ["warrant.add", "warrant.modify", "warrant.add", "warrant.end"])
        let added = try #require(entries[0].after)
        #expect(added.hasPrefix("{\"liid\":\"MOB1\",\"kind\":\"mobile\",\"agency\":\"acme\""))
        #expect(
            added.contains("\"identities\":[\"imsi:001011234500017\",\"msisdn:6421555123\",\"imei:35693803564380\"]")
        )
        #expect(entries[1].after?.contains("\"identities\":[\"imei:3569380356438012\"]") == true)
        #expect(try store.verifyAudit() == AuditVerification(rows: 6))
        let replayed = try store.snapshotsSince(auditID: 0)
        #expect(replayed.last == (try store.snapshot()))
        #expect(replayed.last?.warrants.map(\.liid) == ["MOB2"])
    }

    @Test(arguments: [
        "UPDATE warrant_targets SET value = '001011234500018' WHERE position = 0",
        "UPDATE warrant_targets SET type = 'imei', value = '00101123450001' WHERE position = 0",
        "DELETE FROM warrant_targets WHERE position = 2",
    ])
    func anEditedIdentityIsCaughtByTheAuditVerification(_ edit: String) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.mobileWarrant())
        try scratch.raw(edit)
        #expect(
            try store.verifyAudit().problem
                == "the tables differ from the audit log: warrants \"MOB1\": field identities differs from the audit log"
        )
    }

    /// Warrants the store must refuse, the field the error names and its message.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var identities: [MobileIdentity]
        var field: String
        var message: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "no identity",
            identities: [],
            field: "imsi",
            message: "a warrant needs a target: imsi, msisdn or imei"
        ),
        Refusal(
            name: "65 identities",
            identities: (0..<65).map { .imsi(String(1_000_000 + $0)) },
            field: "imsi",
            message: "a warrant has at most 64 targets (imsi, msisdn and imei), not 65"
        ),
        Refusal(
            name: "short IMSI",
            identities: [.imsi("12345")],
            field: "imsi",
            message: "imsi \"12345\" is not an IMSI (6-15 digits)"
        ),
        Refusal(
            name: "MSISDN with letters",
            identities: [.imei("35693803564380"), .msisdn("64 21 555")],
            field: "msisdn",
            message: "msisdn \"64 21 555\" is not an MSISDN (6-15 digits with the country code, + allowed)"
        ),
        Refusal(
            name: "long IMEI",
            identities: [.imei("35693803564380123")],
            field: "imei",
            message: "imei \"35693803564380123\" is not an IMEI (14-16 digits)"
        ),
    ]

    @Test(arguments: refusals)
    func invalidValuesNeverReachTheStore(_ refusal: Refusal) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let kept = try store.addWarrant(Sample.mobileWarrant("KEPT"))
        let changeID = try store.changeID()
        var warrant = Sample.mobileWarrant()
        warrant.target = .mobile(refusal.identities)
        let added = storeError { () throws(StoreError) in try store.addWarrant(warrant) }
        #expect(added?.field == refusal.field)
        #expect(added?.message == refusal.message)
        let modified = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "KEPT") { $0.target = .mobile(refusal.identities) }
        }
        #expect(modified?.message == refusal.message)
        #expect(try store.changeID() == changeID)
        #expect(try store.warrants(includeEnded: true) == [kept])
    }
}
