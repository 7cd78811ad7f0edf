import Testing
import Warrants

@Suite struct MobileValidationTests {
    @Test(arguments: ["123456", "001011234500017", "530051234567890"])
    func acceptsIMSIs(_ text: String) throws {
        #expect(try WarrantValidation.imsi(text) == .imsi(text))
    }

    @Test(arguments: [("6421555123", "6421555123"), ("+6421555123", "6421555123"), ("+123456", "123456")])
    func acceptsMSISDNsDroppingThePlus(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.msisdn(text) == .msisdn(stored))
    }

    @Test(arguments: ["35693803564380", "356938035643809", "3569380356438012"])
    func acceptsIMEIsAndIMEISVs(_ text: String) throws {
        #expect(try WarrantValidation.imei(text) == .imei(text))
    }

    /// Values refused per kind: the field the error names, and the reason after the quoted value.
    static let refusals: [(String, String)] = [
        ("imsi", ""), ("imsi", "12345"), ("imsi", "1234567890123456"), ("imsi", "+001011234500017"),
        ("imsi", "00101 1234500017"), ("imsi", "0010112345000x7"), ("imsi", "٠٠١٠١١٢٣٤٥٠٠٠١٧"),
        ("msisdn", "+"), ("msisdn", "+12345"), ("msisdn", "++6421555123"), ("msisdn", "64-21-555-123"),
        ("msisdn", "6421555123+"), ("msisdn", "1234567890123456"), ("msisdn", "tel:+6421555123"),
        ("msisdn", "+\u{301}6421555123"),
        ("imei", "3569380356438"), ("imei", "35693803564380123"), ("imei", "+35693803564380"),
        ("imei", "35-693803-564380"), ("imei", "３５６９３８０３５６４３８０"),
    ]

    @Test(arguments: refusals)
    func refusesMalformedValues(_ field: String, _ text: String) {
        let error = storeError { () throws(StoreError) in
            switch field {
            case "imsi": _ = try WarrantValidation.imsi(text)
            case "msisdn": _ = try WarrantValidation.msisdn(text)
            default: _ = try WarrantValidation.imei(text)
            }
        }
        let reasons = [
            "imsi": "is not an IMSI (6-15 digits)",
            "msisdn": "is not an MSISDN (6-15 digits with the country code, + allowed)",
            "imei": "is not an IMEI (14-16 digits)",
        ]
        #expect(error?.field == field)
        #expect(error?.message == "\(field) \"\(text)\" \(reasons[field] ?? "")")
    }

    @Test(arguments: ["\u{202E}001011234500017", "6421555123\u{200B}", "\u{FEFF}35693803564380"])
    func refusesFormatControls(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.imsi(text, field: "--imsi") }
        #expect(error?.field == "--imsi")
        #expect(error?.message.contains("which would make it display as something else") == true)
    }

    @Test func removesDuplicatesKeepingTheFirstAndTellsKindsApart() throws {
        let identities: [MobileIdentity] = [
            .msisdn("6421555123"), .imsi("001011234500017"), .msisdn("6421555123"), .imsi("6421555123"),
            .imei("35693803564380"), .imsi("001011234500017"),
        ]
        #expect(
            try WarrantValidation.mobileIdentities(identities) == [
                .msisdn("6421555123"), .imsi("001011234500017"), .imsi("6421555123"), .imei("35693803564380"),
            ]
        )
    }

    @Test func checksIdentitiesBuiltInCode() throws {
        #expect(try WarrantValidation.mobileIdentities([.msisdn("+6421555123")]) == [.msisdn("6421555123")])
        let bad = storeError { () throws(StoreError) in _ = try WarrantValidation.mobileIdentities([.imei("12")]) }
        #expect(bad?.field == "imei")
        #expect(bad?.message == "imei \"12\" is not an IMEI (14-16 digits)")
    }

    @Test func takesOneToSixtyFourIdentities() throws {
        let many = (0..<64).map { MobileIdentity.imsi(String(1_000_000 + $0)) }
        #expect(try WarrantValidation.mobileIdentities(many + many).count == 64)
        let tooMany = storeError { () throws(StoreError) in
            _ = try WarrantValidation.mobileIdentities(many + [.imei("35693803564380")])
        }
        #expect(tooMany?.field == "imsi")
        #expect(tooMany?.message == "a warrant has at most 64 targets (imsi, msisdn and imei), not 65")
        let none = storeError { () throws(StoreError) in _ = try WarrantValidation.mobileIdentities([]) }
        #expect(none?.message == "a warrant needs a target: imsi, msisdn or imei")
    }
}
