import TestSupport
import Testing
import Warrants

@Suite struct WarrantModifyTests {
    /// A store with agencies `acme` (NZ) and `beta`, and warrant LIID1 (user bob@isp.example, 198.51.100.7/32).
    private func prepared(_ scratch: ScratchDirectory) throws -> (WarrantStore, Warrant) {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(Sample.agency("beta", country: "AU"))
        return (store, try store.addWarrant(Sample.warrant()))
    }

    /// One change per field, and the value the store keeps for it.
    struct FieldChange: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout Warrant) -> Void
        var check: @Sendable (Warrant) -> Bool
        var testDescription: String { name }
    }

    static let fieldChanges: [FieldChange] = [
        FieldChange(name: "agency", change: { $0.agency = "beta" }, check: { $0.agency == "beta" }),
        FieldChange(name: "user", change: { $0.username = "carol" }, check: { $0.username == "carol" }),
        FieldChange(name: "no user", change: { $0.username = nil }, check: { $0.username == nil }),
        FieldChange(
            name: "static prefixes",
            change: { $0.staticPrefixes = ["2001:DB8::7/48", "10.1.2.3/8"] },
            check: { $0.staticPrefixes == ["2001:db8::/48", "10.0.0.0/8"] }
        ),
        FieldChange(name: "session id", change: { $0.sessionID = 42 }, check: { $0.sessionID == 42 }),
        FieldChange(
            name: "authorization country",
            change: { $0.authorizationCountryCode = "au" },
            check: { $0.authorizationCountryCode == "AU" }
        ),
        FieldChange(
            name: "delivery country",
            change: { $0.deliveryCountryCode = "gb" },
            check: { $0.deliveryCountryCode == "GB" }
        ),
        FieldChange(name: "start", change: { $0.startMicros = 1_000 }, check: { $0.startMicros == 1_000 }),
        FieldChange(name: "end", change: { $0.endMicros = 9_000 }, check: { $0.endMicros == 9_000 }),
        FieldChange(name: "delivery", change: { $0.delivery = .iri }, check: { $0.delivery == .iri }),
    ]

    @Test(arguments: fieldChanges)
    func changesOneFieldAndKeepsTheRest(_ field: FieldChange) throws {
        let scratch = try ScratchDirectory()
        let (store, original) = try prepared(scratch)
        let changeID = try store.changeID()
        let modified = try store.modifyWarrant(liid: "LIID1", field.change)
        #expect(field.check(modified))
        #expect(try store.warrant(liid: "LIID1") == modified)
        #expect(try store.changeID() == changeID + 1)
        let modifiedMicros = try #require(modified.modifiedMicros)
        #expect(modifiedMicros > original.createdMicros)
        var expected = original
        field.change(&expected)
        expected = try WarrantValidation.validated(expected)
        expected.modifiedMicros = modified.modifiedMicros
        #expect(modified == expected)
    }

    @Test func keepsTheStoresOwnFields() throws {
        let scratch = try ScratchDirectory()
        let (store, original) = try prepared(scratch)
        let modified = try store.modifyWarrant(liid: "LIID1") { warrant in
            warrant.liid = "OTHER"
            warrant.createdMicros = 5
            warrant.endedMicros = 6
            warrant.modifiedMicros = 7
            warrant.delivery = .cc
        }
        #expect(modified.liid == "LIID1")
        #expect(modified.createdMicros == original.createdMicros)
        #expect(modified.endedMicros == nil)
        #expect(modified.modifiedMicros != 7)
        #expect(try store.warrant(liid: "OTHER") == nil)
    }

    @Test func writesAnAuditRowWithBeforeAndAfter() throws {
        let scratch = try ScratchDirectory()
        let (store, _) = try prepared(scratch)
        try store.modifyWarrant(liid: "LIID1") { warrant in
            warrant.endMicros = 1_767_225_600_000_000
            warrant.staticPrefixes = ["192.0.2.0/24"]
        }
        let entry = try #require(try store.auditEntries().last)
        #expect(entry.action == "warrant.modify")
        #expect(entry.subject == "LIID1")
        #expect(entry.before?.contains("\"end\":null") == true)
        #expect(entry.before?.contains("\"static_ips\":[\"198.51.100.7/32\"]") == true)
        #expect(entry.before?.contains("\"modified\":null") == true)
        #expect(entry.after?.contains("\"end\":\"2026-01-01T00:00:00Z\"") == true)
        #expect(entry.after?.contains("\"static_ips\":[\"192.0.2.0/24\"]") == true)
        #expect(entry.after?.contains("\"modified\":\"") == true)
        #expect(try store.verifyAudit().isIntact)
    }

    @Test func aChangeToTheSameValuesWritesNothing() throws {
        let scratch = try ScratchDirectory()
        let (store, original) = try prepared(scratch)
        let changeID = try store.changeID()
        let result = try store.modifyWarrant(liid: "LIID1") { warrant in
            warrant.authorizationCountryCode = "nz"
            warrant.staticPrefixes = ["198.51.100.7"]
        }
        #expect(result == original)
        #expect(try store.changeID() == changeID)
        #expect(try store.auditEntries().count == 3)
    }

    @Test func successiveChangesMoveTheModificationTimeForward() throws {
        let scratch = try ScratchDirectory()
        let (store, _) = try prepared(scratch)
        let first = try store.modifyWarrant(liid: "LIID1") { $0.delivery = .iri }
        let second = try store.modifyWarrant(liid: "LIID1") { $0.delivery = .cc }
        let firstMicros = try #require(first.modifiedMicros)
        let secondMicros = try #require(second.modifiedMicros)
        #expect(secondMicros > firstMicros)
    }

    /// A change whose result the store refuses, with the error's code and field.
    struct InvalidChange: Sendable, CustomTestStringConvertible {
        var name: String
        var code: StoreError.Code
        var field: String
        var change: @Sendable (inout Warrant) -> Void
        var testDescription: String { name }
    }

    static let invalidChanges: [InvalidChange] = [
        InvalidChange(name: "no target", code: .invalid, field: "username") { warrant in
            warrant.username = nil
            warrant.staticPrefixes = []
        },
        InvalidChange(name: "end before start", code: .invalid, field: "end") { warrant in
            warrant.startMicros = 2_000
            warrant.endMicros = 1_000
        },
        InvalidChange(name: "session id 0", code: .invalid, field: "session_id") { $0.sessionID = 0 },
        InvalidChange(name: "prefix twice", code: .invalid, field: "static_prefixes") { warrant in
            warrant.staticPrefixes = ["10.0.0.1/8", "10.0.0.0/8"]
        },
        InvalidChange(name: "bad country", code: .invalid, field: "delivery_country_code") {
            $0.deliveryCountryCode = "N1"
        },
        InvalidChange(name: "unknown agency", code: .notFound, field: "agency") { $0.agency = "nobody" },
    ]

    @Test(arguments: invalidChanges)
    func refusesAnInvalidResultAndChangesNothing(_ invalid: InvalidChange) throws {
        let scratch = try ScratchDirectory()
        let (store, original) = try prepared(scratch)
        let error = storeError { () throws(StoreError) in try store.modifyWarrant(liid: "LIID1", invalid.change) }
        #expect(error?.code == invalid.code)
        #expect(error?.field == invalid.field)
        #expect(try store.warrant(liid: "LIID1") == original)
        #expect(try store.auditEntries().count == 3)
    }

    @Test func refusesEndedAndUnknownWarrants() throws {
        let scratch = try ScratchDirectory()
        let (store, _) = try prepared(scratch)
        try store.endWarrant(liid: "LIID1", atMicros: 1)
        let ended = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "LIID1") { $0.delivery = .iri }
        }
        #expect(ended?.code == .conflict)
        #expect(ended?.message == "warrant \"LIID1\" has been ended")
        let unknown = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "nope") { $0.delivery = .iri }
        }
        #expect(unknown?.code == .notFound)
        #expect(try store.warrant(liid: "LIID1")?.delivery == .both)
    }

    @Test func passesOnTheChangesOwnError() throws {
        let scratch = try ScratchDirectory()
        let (store, original) = try prepared(scratch)
        let error = storeError { () throws(StoreError) in
            try store.modifyWarrant(liid: "LIID1") { _ throws(StoreError) in
                throw StoreError(.invalid, field: "--start", "refused by the caller")
            }
        }
        #expect(error?.message == "refused by the caller")
        #expect(try store.warrant(liid: "LIID1") == original)
    }
}
