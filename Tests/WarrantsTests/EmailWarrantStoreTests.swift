import GRDB
import TestSupport
import Testing
import Warrants

extension Sample {
    /// An email warrant for agency `acme` on erin@example.org and Bob@mail.example.
    static func emailWarrant(_ liid: String = "MAIL1", agency: String = "acme") -> Warrant {
        Warrant(
            liid: liid,
            agency: agency,
            target: .email(emailTargets("erin@example.org", "Bob@Mail.Example")),
            authorizationCountryCode: "nz",
            deliveryCountryCode: "NZ"
        )
    }

    /// Targets from addresses that parse.
    static func emailTargets(_ addresses: String...) -> [EmailTarget] {
        addresses.compactMap(EmailTarget.init(address:))
    }
}

@Suite struct EmailWarrantStoreTests {
    /// A store with agencies `acme` (NZ) and `beta` (AU).
    private func prepared(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("beta", country: "AU"))
        return store
    }

    @Test func addsGetsListsAndSnapshotsEmailWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let first = try store.addWarrant(Sample.emailWarrant("MAIL1"))
        var second = Sample.emailWarrant("MAIL2", agency: "beta")
        second.target = .email(Sample.emailTargets("Erin@Example.ORG", "carol@example.org", "erin@example.org"))
        second.delivery = .iri
        let storedSecond = try store.addWarrant(second)
        #expect(first.target.kind == "email")
        #expect(first.target.email?.map(\.address) == ["erin@example.org", "Bob@mail.example"])
        #expect(first.authorizationCountryCode == "NZ")
        #expect(storedSecond.target.email?.map(\.address) == ["Erin@example.org", "carol@example.org"])
        #expect(try store.warrant(liid: "MAIL1") == first)
        #expect(try store.warrant(liid: "MAIL2") == storedSecond)
        #expect(try store.warrants(includeEnded: false) == [first, storedSecond])
        try store.addWarrant(Sample.warrant("IP1"))
        try store.addWarrant(Sample.voipWarrant("V1"))
        let snapshot = try store.snapshot()
        #expect(snapshot.warrants.map(\.liid) == ["IP1", "MAIL1", "MAIL2", "V1"])
        #expect(snapshot.warrants.filter { $0.target.email != nil } == [first, storedSecond])
        #expect(first.target.ip == nil && first.target.voip == nil)
        #expect(Sample.warrant().target.email == nil)
    }

    @Test func keepsEachAddressAsARowOfItsOwn() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.emailWarrant())
        let queue = try DatabaseQueue(path: scratch.file("warrants.sqlite"))
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT position, type, value FROM warrant_targets WHERE liid = 'MAIL1'")
                .map { [String(describing: $0["position"] as Int64), $0["type"] as String, $0["value"] as String] }
        }
        #expect(rows == [["0", "address", "erin@example.org"], ["1", "address", "Bob@mail.example"]])
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT kind FROM warrants") } == "email")
    }

    @Test func anUnreadableAddressRowIsAnErrorNotACrash() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.emailWarrant())
        try scratch.raw("UPDATE warrant_targets SET value = 'not an address' WHERE position = 0")
        let error = storeError { () throws(StoreError) in _ = try store.warrant(liid: "MAIL1") }
        #expect(error?.code == .io)
        #expect(error?.message.contains("invalid email target for warrant MAIL1") == true)
    }

    @Test func modifiesAnEmailWarrant() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let original = try store.addWarrant(Sample.emailWarrant())
        let changeID = try store.changeID()
        let modified = try store.modifyWarrant(liid: "MAIL1") { warrant in
            warrant.target = .email(Sample.emailTargets("Dave@Example.NET"))
            warrant.agency = "beta"
        }
        #expect(modified.target == .email(Sample.emailTargets("Dave@example.net")))
        #expect(modified.agency == "beta")
        #expect(modified.createdMicros == original.createdMicros)
        #expect(try store.warrant(liid: "MAIL1") == modified)
        #expect(try store.changeID() == changeID + 1)
        let same = try store.modifyWarrant(liid: "MAIL1") {
            $0.target = .email(Sample.emailTargets("Dave@example.net"))
        }
        #expect(same == modified)
        #expect(try store.changeID() == changeID + 1)
        let kind = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "MAIL1") { $0.target = .voip([.sip(user: "eve", host: nil)]) }
        }
        #expect(kind?.message == "warrant \"MAIL1\" is an email warrant; its kind cannot change")
    }

    @Test func aLIIDIsUniqueAcrossKinds() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.warrant("SHARED1"))
        try store.addWarrant(Sample.emailWarrant("SHARED2"))
        let email = storeError { () throws(StoreError) in try store.addWarrant(Sample.emailWarrant("SHARED1")) }
        #expect(email?.message == "liid \"SHARED1\" is already in use")
        let voip = storeError { () throws(StoreError) in try store.addWarrant(Sample.voipWarrant("SHARED2")) }
        #expect(voip?.code == .conflict)
    }

    @Test func auditsEveryChangeAndTheReplayReproducesTheWarrants() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.emailWarrant())
        try store.modifyWarrant(liid: "MAIL1") { $0.target = .email(Sample.emailTargets("Frank@example.org")) }
        try store.addWarrant(Sample.emailWarrant("MAIL2"))
        try store.endWarrant(liid: "MAIL1", atMicros: 1_767_225_600_000_000)
        let entries = Array(try store.auditEntries().dropFirst(2))
        #expect(entries.map(\.action) == ["warrant.add", "warrant.modify", "warrant.add", "warrant.end"])
        let added = try #require(entries[0].after)
        #expect(added.hasPrefix("{\"liid\":\"MAIL1\",\"kind\":\"email\",\"agency\":\"acme\""))
        #expect(added.contains("\"addresses\":[\"erin@example.org\",\"Bob@mail.example\"]"))
        #expect(entries[1].after?.contains("\"addresses\":[\"Frank@example.org\"]") == true)
        #expect(try store.verifyAudit() == AuditVerification(rows: 6))
        let replayed = try store.snapshotsSince(auditID: 0)
        #expect(replayed.last == (try store.snapshot()))
        #expect(replayed.last?.warrants.map(\.liid) == ["MAIL2"])
    }

    @Test func anEditedAddressIsCaughtByTheAuditVerification() throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        try store.addWarrant(Sample.emailWarrant())
        try scratch.raw("UPDATE warrant_targets SET value = 'mallory@example.org' WHERE position = 0")
        #expect(
            try store.verifyAudit().problem
                == "the tables differ from the audit log: warrants \"MAIL1\": field addresses differs from the audit log"
        )
    }

    /// Warrants the store must refuse, the field the error names and its message.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var targets: [EmailTarget]
        var message: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "no address", targets: [], message: "a warrant needs a target: address"),
        Refusal(
            name: "65 addresses",
            targets: (0..<65).compactMap { EmailTarget(address: "user\($0)@example.org") },
            message: "a warrant has at most 64 targets (address), not 65"
        ),
    ]

    @Test(arguments: refusals)
    func invalidValuesNeverReachTheStore(_ refusal: Refusal) throws {
        let scratch = try ScratchDirectory()
        let store = try prepared(scratch)
        let kept = try store.addWarrant(Sample.emailWarrant("KEPT"))
        let changeID = try store.changeID()
        var warrant = Sample.emailWarrant()
        warrant.target = .email(refusal.targets)
        let added = storeError { () throws(StoreError) in try store.addWarrant(warrant) }
        #expect(added?.field == "address")
        #expect(added?.message == refusal.message)
        let modified = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "KEPT") { $0.target = .email(refusal.targets) }
        }
        #expect(modified?.message == refusal.message)
        #expect(try store.changeID() == changeID)
        #expect(try store.warrants(includeEnded: true) == [kept])
    }
}
