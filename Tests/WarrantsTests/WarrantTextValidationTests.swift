import Testing
import Warrants

/// Unicode format controls in identities, and ends of the window in the past.
@Suite struct WarrantTextValidationTests {
    @Test(arguments: [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200E}", "\u{200F}", "\u{061C}",
    ])
    func refusesBidirectionalControls(_ control: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.username("bob" + control) }
        #expect(error?.code == .invalid)
        #expect(error?.field == "username")
        #expect(error?.message.contains("a Unicode bidirectional control") == true)
        #expect(error?.message.unicodeScalars.contains { $0.properties.generalCategory == .format } == false)
    }

    @Test(arguments: ["\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2060}"])
    func refusesOtherFormatControls(_ control: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.username(control + "bob") }
        #expect(error?.message.contains("an invisible Unicode format control") == true)
    }

    @Test func refusesFormatControlsInVoIPTargetsBuiltInCode() {
        let sip = storeError { () throws(StoreError) in
            _ = try WarrantValidation.voipTargets([.sip(user: "al\u{202E}ice", host: nil)])
        }
        #expect(sip?.field == "sip_uri")
        #expect(
            sip?.message == "sip_uri \"sip:al\\u{202e}ice@*\" contains U+202E, a Unicode bidirectional control,"
                + " which would make it display as something else"
        )
        let tel = storeError { () throws(StoreError) in _ = try WarrantValidation.telNumber("\u{2066}+6432") }
        #expect(tel?.field == "tel")
    }

    @Test func acceptsOtherUnicodeInUserNames() throws {
        #expect(try WarrantValidation.username("jürgen@example.de") == "jürgen@example.de")
        #expect(try WarrantValidation.username("שלום") == "שלום")
    }

    @Test func refusesAnEndInThePastUnlessAllowed() throws {
        let now: Int64 = 1_800_000_000_000_000
        try WarrantValidation.endNotPast(now, nowMicros: now, allowPast: false)
        try WarrantValidation.endNotPast(now - 1, nowMicros: now, allowPast: true)
        let error = storeError { () throws(StoreError) in
            try WarrantValidation.endNotPast(now - 1, nowMicros: now, allowPast: false)
        }
        #expect(error?.code == .invalid)
        #expect(error?.field == "end")
        #expect(
            error?.message.hasSuffix(
                "is in the past, so the warrant would never intercept (give --allow-past to"
                    + " store it anyway)"
            ) == true
        )
    }
}
