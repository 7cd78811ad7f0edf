import Testing
import Warrants

@Suite struct EmailValidationTests {
    /// `--address` values that are accepted, and their stored form (the local part as written, the domain in lower
    /// case).
    static let addresses: [(String, String)] = [
        ("erin@example.org", "erin@example.org"),
        ("Erin@Example.ORG", "Erin@example.org"),
        ("first.last+tag@mail-1.example.co.nz", "first.last+tag@mail-1.example.co.nz"),
        ("x@y", "x@y"),
        (String(repeating: "a", count: 64) + "@example.org", String(repeating: "a", count: 64) + "@example.org"),
    ]

    @Test(arguments: addresses)
    func acceptsAddresses(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.emailAddress(text).address == stored)
    }

    @Test(arguments: [
        "", "erin", "erin@", "@example.org", "erin@@example.org", "erin@a@example.org", "erin@example.org.",
        "erin@.example.org", "erin@exa mple.org", "er in@example.org", ".erin@example.org", "erin.@example.org",
        "er..in@example.org", "erin@-example.org", "erin@example-.org", "erin@exam_ple.org", "<erin@example.org>",
        "\"erin\"@example.org", "érin@example.org", "erin@exämple.org", "erin@[192.0.2.1]",
        String(repeating: "a", count: 65) + "@example.org", "erin@" + String(repeating: "a", count: 64) + ".org",
        "erin@" + Array(repeating: "abcdefgh", count: 32).joined(separator: "."),
    ])
    func refusesMalformedAddresses(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.emailAddress(text) }
        #expect(error?.field == "address")
        let quoted = String(text.flatMap { $0 == "\"" ? ["\\", "\""] : [$0] })
        #expect(error?.message == "address \"\(quoted)\" is not an email address (local@domain)")
    }

    @Test(arguments: ["\u{202E}erin@example.org", "erin\u{200B}@example.org", "erin@example.org\u{FEFF}"])
    func refusesFormatControls(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.emailAddress(text) }
        #expect(error?.field == "address")
        #expect(error?.message.contains("which would make it display as something else") == true)
    }

    @Test func matchesCaseInsensitively() throws {
        let target = try WarrantValidation.emailAddress("Erin@Example.ORG")
        #expect(target.matchKey == "erin@example.org")
        #expect(EmailTarget.matchKey(of: "ERIN@example.org") == target.matchKey)
        #expect(EmailTarget.matchKey(of: "erin@example.org") == target.matchKey)
        #expect(EmailTarget.matchKey(of: "erin@example.net") != target.matchKey)
    }

    @Test(arguments: [("example.org", "example.org"), ("Mail.Example.ORG", "mail.example.org"), ("lan", "lan")])
    func acceptsDomains(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.emailDomain(text, field: "--email-default-domain") == stored)
    }

    @Test(arguments: ["", "example..org", "@example.org", "erin@example.org", "exa_mple.org", "-x.org", "x.org."])
    func refusesMalformedDomains(_ text: String) {
        let error = storeError { () throws(StoreError) in
            _ = try WarrantValidation.emailDomain(text, field: "--email-default-domain")
        }
        #expect(error?.field == "--email-default-domain")
        #expect(
            error?.message
                == "--email-default-domain \"\(text)\" is not a domain (dot-separated labels of letters, digits and -)"
        )
    }

    @Test func removesAddressesThatMatchTheSameMailKeepingTheFirst() throws {
        let targets = try ["Erin@example.org", "bob@example.org", "erin@EXAMPLE.org", "ERIN@example.org"].map {
            text throws(StoreError) in try WarrantValidation.emailAddress(text)
        }
        #expect(try WarrantValidation.emailTargets(targets).map(\.address) == ["Erin@example.org", "bob@example.org"])
    }

    @Test func takesOneToSixtyFourAddresses() throws {
        let many = try (0..<64).map { index throws(StoreError) in
            try WarrantValidation.emailAddress("user\(index)@example.org")
        }
        #expect(try WarrantValidation.emailTargets(many + many).count == 64)
        let extra = try WarrantValidation.emailAddress("extra@example.org")
        let tooMany = storeError { () throws(StoreError) in _ = try WarrantValidation.emailTargets(many + [extra]) }
        #expect(tooMany?.field == "address")
        #expect(tooMany?.message == "a warrant has at most 64 targets (address), not 65")
        let none = storeError { () throws(StoreError) in _ = try WarrantValidation.emailTargets([]) }
        #expect(none?.message == "a warrant needs a target: address")
    }
}
