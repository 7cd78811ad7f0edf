import Testing
import Warrants

@Suite struct VoIPValidationTests {
    /// `--sip-uri` values that are accepted, and their stored form.
    static let sipURIs: [(String, String)] = [
        ("sip:alice@example.net", "sip:alice@example.net"),
        ("SIPS:alice@Example.NET", "sip:alice@example.net"),
        ("sip:alice@*", "sip:alice@*"),
        ("sip:+643257781@192.0.2.1", "sip:+643257781@192.0.2.1"),
        ("sip:bob@[2001:db8::1]", "sip:bob@[2001:db8::1]"),
    ]

    @Test(arguments: sipURIs)
    func acceptsSIPURIs(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.sipURI(text).description == stored)
    }

    @Test(arguments: ["sip:alice", "alice@example.net", "tel:+643257781", "sip:@example.net", "sip:a@", "sip:a@b;x=y"])
    func refusesMalformedSIPURIs(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.sipURI(text) }
        #expect(error?.field == "sip_uri")
        #expect(error?.message == "sip_uri \"\(text)\" is not a SIP URI (sip:user@host or sip:user@*)")
    }

    /// `--tel` values that are accepted, and their stored form.
    static let numbers: [(String, String)] = [
        ("+643257781", "tel:+643257781"),
        ("*3257781", "tel:*3257781"),
        ("tel:00643257781", "tel:00643257781"),
        ("+64 (3) 325-7781", "tel:+6433257781"),
    ]

    @Test(arguments: numbers)
    func acceptsTelephoneNumbers(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.telNumber(text).description == stored)
    }

    @Test(arguments: ["12", "abc", "*+643257781", "64+3257781", "", String(repeating: "1", count: 33)])
    func refusesMalformedTelephoneNumbers(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.telNumber(text) }
        #expect(error?.field == "tel")
        #expect(
            error?.message == "tel \"\(text)\" is not a telephone number (+digits, digits or *digits; 3-32 digits)"
        )
    }

    @Test func removesDuplicateTargetsKeepingTheFirst() throws {
        let targets: [VoIPTarget] = [
            .tel(number: "+643257781", suffix: false), .sip(user: "a", host: "x.example"),
            .sip(user: "a", host: "X.Example"), .tel(number: "+643257781", suffix: false), .sip(user: "a", host: nil),
        ]
        #expect(
            try WarrantValidation.voipTargets(targets) == [
                .tel(number: "+643257781", suffix: false), .sip(user: "a", host: "x.example"),
                .sip(user: "a", host: nil),
            ]
        )
    }

    @Test func takesUpToSixtyFourTargets() throws {
        let many = (0..<64).map { VoIPTarget.sip(user: "user\($0)", host: nil) }
        #expect(try WarrantValidation.voipTargets(many + many).count == 64)
        let tooMany = many + [.tel(number: "999", suffix: false)]
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.voipTargets(tooMany) }
        #expect(error?.code == .invalid)
    }
}
