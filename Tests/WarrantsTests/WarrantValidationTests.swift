import Testing
import Warrants

@Suite struct WarrantValidationTests {
    @Test(arguments: ["A", "LIID-1", "abcdefghijklmnopqrstuvwxy", "!~#$%&'()*+,-./:;<=>?@[]"])
    func acceptsLIIDs(_ text: String) throws {
        #expect(try WarrantValidation.liid(text) == text)
    }

    @Test(arguments: ["", "abcdefghijklmnopqrstuvwxyz", "a b", "caf\u{E9}", "tab\t", "\u{7F}"])
    func refusesLIIDs(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.liid(text) }
        #expect(error?.code == .invalid)
        #expect(error?.field == "LIID")
        #expect(error?.message.hasPrefix("LIID \"") == true)
    }

    @Test(arguments: [("nz", "NZ"), ("GB", "GB"), ("aQ", "AQ")])
    func acceptsCountryCodes(_ text: String, _ stored: String) throws {
        #expect(try WarrantValidation.countryCode(text, field: "--auth-cc") == stored)
    }

    @Test(arguments: ["N1", "NZL", "", "n", "1Z", "\u{C4}Z", "N "])
    func refusesCountryCodes(_ text: String) {
        let error = storeError { () throws(StoreError) in
            _ = try WarrantValidation.countryCode(text, field: "--auth-cc")
        }
        #expect(error?.code == .invalid)
        #expect(error?.field == "--auth-cc")
        #expect(error?.message.hasPrefix("--auth-cc ") == true)
    }

    @Test func countryCodeMessageIsExact() {
        let error = storeError { () throws(StoreError) in
            _ = try WarrantValidation.countryCode("N1", field: "--auth-cc")
        }
        #expect(error?.message == "--auth-cc \"N1\" is not a 2-letter country code")
    }

    @Test(arguments: ["a", "acme", "A.b_c-9", String(repeating: "x", count: 64)])
    func acceptsAgencyNames(_ text: String) throws {
        #expect(try WarrantValidation.agencyName(text) == text)
    }

    @Test(arguments: ["", "a b", "acme!", "\u{E4}", String(repeating: "x", count: 65)])
    func refusesAgencyNames(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.agencyName(text, field: "--agency")
        }
        #expect(error?.code == .invalid)
        #expect(error?.field == "--agency")
        #expect(error?.message.hasPrefix("--agency ") == true)
    }

    @Test(
        arguments: [
            ("127.0.0.1:9001", "127.0.0.1", 9001),
            ("[::1]:9002", "::1", 9002),
            ("LEA.Example.org:1", "lea.example.org", 1),
            ("[2001:DB8:0:0::1]:65535", "2001:db8::1", 65535),
            ("lemf:80", "lemf", 80),
        ] as [(String, String, UInt16)]
    )
    func acceptsEndpoints(_ text: String, _ host: String, _ port: UInt16) throws {
        let endpoint = try WarrantValidation.endpoint(text, field: "--hi2")
        #expect(endpoint == Endpoint(host: host, port: port))
        #expect(Endpoint(parsing: endpoint.description) == endpoint)
    }

    @Test(arguments: [
        "host", "host:0", "host:65536", "host:", ":80", "::1:80", "[::1]", "[1.2.3.4]:80", "a..b:1", "-a:1",
        "1.2.3:80", "host:+80", "host:080", "[::1:80", "h_st:80", "ho st:80",
    ])
    func refusesEndpoints(_ text: String) {
        #expect(Endpoint(parsing: text) == nil)
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.endpoint(text, field: "--hi3") }
        #expect(error?.field == "--hi3")
        #expect(error?.message.contains("--hi3") == true)
    }

    @Test(arguments: [(300, 30), (2, 1), (86_400, 3600)])
    func acceptsKeepalives(_ seconds: Int, _ wait: Int) throws {
        try WarrantValidation.keepalive(seconds: seconds, waitSeconds: wait)
    }

    @Test(arguments: [
        (0, 30, "keepalive_seconds"), (86_401, 30, "keepalive_seconds"), (300, 0, "keepalive_wait_seconds"),
        (86_400, 3601, "keepalive_wait_seconds"), (30, 30, "keepalive_wait_seconds"),
        (10, 20, "keepalive_wait_seconds"),
    ])
    func refusesKeepalives(_ seconds: Int, _ wait: Int, _ field: String) {
        let error = storeError { () throws(StoreError) in
            try WarrantValidation.keepalive(seconds: seconds, waitSeconds: wait)
        }
        #expect(error?.field == field)
        #expect(error?.message.hasPrefix(field + " ") == true)
    }

    @Test(arguments: ["abc", "-1", "", "1.5", " 30", "99999999999"])
    func refusesSecondsText(_ text: String) {
        let error = storeError { () throws(StoreError) in
            _ = try WarrantValidation.seconds(text, field: "--keepalive", range: WarrantValidation.keepaliveRange)
        }
        #expect(error?.field == "--keepalive")
    }

    @Test(arguments: [("1", 1), ("2147483647", 2_147_483_647), ("42", 42)] as [(String, UInt32)])
    func acceptsSessionIDs(_ text: String, _ value: UInt32) throws {
        #expect(try WarrantValidation.sessionID(text) == value)
    }

    @Test(arguments: ["0", "2147483648", "x", "", "-1", "4294967297"])
    func refusesSessionIDs(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.sessionID(text) }
        #expect(error?.field == "session_id")
    }

    @Test(arguments: ["bob", "bob@isp.example", "j\u{F6}ns", String(repeating: "u", count: 253)])
    func acceptsUsernames(_ text: String) throws {
        #expect(try WarrantValidation.username(text) == text)
    }

    @Test(arguments: ["", "a\nb", "nul\u{0}", String(repeating: "u", count: 254)])
    func refusesUsernames(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.username(text) }
        #expect(error?.field == "username")
    }

    @Test(arguments: [
        ("198.51.100.7", "198.51.100.7/32", false),
        ("2001:DB8::/56", "2001:db8::/56", false),
        ("10.1.2.3/8", "10.0.0.0/8", true),
        ("2001:db8::1/64", "2001:db8::/64", true),
        ("0.0.0.0/0", "0.0.0.0/0", false),
        ("192.0.2.255/25", "192.0.2.128/25", true),
        ("2001:db8::1", "2001:db8::1/128", false),
    ])
    func canonicalisesPrefixes(_ text: String, _ canonical: String, _ masked: Bool) throws {
        #expect(try WarrantValidation.prefix(text) == CanonicalPrefix(text: canonical, hostBitsCleared: masked))
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0.0/", "x", "10.0.0.0/-1", "10.0.0/8", "/8", "", "fe80::1%eth0"])
    func refusesPrefixes(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.prefix(text) }
        #expect(error?.field == "static_prefixes")
        #expect(error?.message.hasPrefix("static_prefixes ") == true)
    }

    @Test(
        arguments: [
            ("192.0.2.1", "192.0.2.1", nil), ("192.0.2.1:1812", "192.0.2.1", 1812), ("2001:DB8::1", "2001:db8::1", nil),
            ("[2001:db8::1]", "2001:db8::1", nil), ("[2001:db8::1]:1645", "2001:db8::1", 1645),
        ] as [(String, String, UInt16?)]
    )
    func acceptsServerAddresses(_ text: String, _ address: String, _ port: UInt16?) throws {
        let parsed = try WarrantValidation.serverAddress(text)
        #expect(parsed.address == address)
        #expect(parsed.port == port)
    }

    @Test(arguments: [
        "radius.example", "192.0.2.1:0", "[192.0.2.1]:1812", "[2001:db8::1]1812", "2001:db8::1:1812x", "",
    ])
    func refusesServerAddresses(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.serverAddress(text) }
        #expect(error?.field == "ADDRESS")
    }

    @Test(arguments: ["iri", "cc", "both"])
    func acceptsDeliveries(_ text: String) throws {
        #expect(try WarrantValidation.delivery(text).rawValue == text)
    }

    @Test(arguments: ["IRI", "all", ""])
    func refusesDeliveries(_ text: String) {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.delivery(text) }
        #expect(error?.field == "delivery")
    }

    @Test func deliveryIncludes() {
        #expect(Delivery.both.includesIRI && Delivery.both.includesCC)
        #expect(Delivery.iri.includesIRI && !Delivery.iri.includesCC)
        #expect(!Delivery.cc.includesIRI && Delivery.cc.includesCC)
    }

    @Test func refusesUnknownServerKind() throws {
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.serverKind("ldap") }
        #expect(error?.field == "kind")
        #expect(try WarrantValidation.serverKind("sip") == .sip)
    }

    @Test func refusesWindowsThatEndBeforeTheyStart() throws {
        try WarrantValidation.window(startMicros: nil, endMicros: 5)
        try WarrantValidation.window(startMicros: 5, endMicros: nil)
        try WarrantValidation.window(startMicros: 5, endMicros: 6)
        for end: Int64 in [4, 5] {
            let error = storeError { () throws(StoreError) in
                try WarrantValidation.window(startMicros: 5, endMicros: end)
            }
            #expect(error?.field == "end")
            #expect(error?.message.contains("start") == true)
        }
    }

    @Test func warrantNeedsATarget() {
        var warrant = Sample.warrant()
        warrant.username = nil
        warrant.staticPrefixes = []
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.validated(warrant) }
        #expect(error?.code == .invalid)
        #expect(error?.message.contains("username, static_prefixes, mirror_id or sink") == true)
    }

    @Test func warrantRefusesAPrefixGivenTwice() {
        var warrant = Sample.warrant()
        warrant.staticPrefixes = ["10.0.0.1", "10.0.0.1/32"]
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.validated(warrant) }
        #expect(error?.field == "static_prefixes")
    }

    @Test func warrantRefusesSessionIDZero() {
        var warrant = Sample.warrant()
        warrant.sessionID = 0
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.validated(warrant) }
        #expect(error?.field == "session_id")
    }

    @Test func warrantIsReturnedInStoredForm() throws {
        var warrant = Sample.warrant()
        warrant.staticPrefixes = ["10.1.2.3/8", "2001:DB8::1"]
        let stored = try WarrantValidation.validated(warrant)
        #expect(stored.authorizationCountryCode == "NZ")
        #expect(stored.staticPrefixes == ["10.0.0.0/8", "2001:db8::1/128"])
    }

    @Test func agencyIsReturnedInStoredForm() throws {
        var agency = Sample.agency(country: "nz")
        agency.hi2 = Endpoint(host: "LEA.example", port: 1)
        let stored = try WarrantValidation.validated(agency)
        #expect(stored.countryCode == "NZ")
        #expect(stored.hi2.host == "lea.example")
    }
}
