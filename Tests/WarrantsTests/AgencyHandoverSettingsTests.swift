import TestSupport
import Testing
import Warrants

@Suite struct AgencyHandoverSettingsTests {
    static func tlsAgency(_ name: String = "secure") -> Agency {
        Agency(
            name: name,
            hi2: Endpoint(host: "lemf.example", port: 9001),
            hi3: Endpoint(host: "lemf.example", port: 9002),
            plaintext: false,
            tls: AgencyTLS(
                caPath: "/etc/openli/ca.pem",
                certificatePath: "/etc/openli/appliance.pem",
                keyPath: "/etc/openli/appliance.key",
                serverName: "LEMF.Example",
                allowTLS12: true
            ),
            timestampFormat: .generalized,
            etsiProfile: .openli,
            retrySeconds: 60
        )
    }

    @Test func storesAndReadsBackEverySetting() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let stored = try store.addAgency(Self.tlsAgency())
        #expect(stored.tls?.serverName == "lemf.example")
        #expect(try store.agency(named: "secure") == stored)
        let reopened = try scratch.store()
        let agency = try #require(try reopened.agency(named: "secure"))
        #expect(agency.plaintext == false)
        #expect(agency.tls?.caPath == "/etc/openli/ca.pem")
        #expect(agency.tls?.certificatePath == "/etc/openli/appliance.pem")
        #expect(agency.tls?.keyPath == "/etc/openli/appliance.key")
        #expect(agency.tls?.allowTLS12 == true)
        #expect(agency.timestampFormat == .generalized)
        #expect(agency.etsiProfile == .openli)
        #expect(agency.retrySeconds == 60)
        #expect(try reopened.snapshot().agencies == [stored])
    }

    @Test func plaintextAgenciesGetTheDefaults() throws {
        let scratch = try ScratchDirectory()
        let stored = try scratch.store().addAgency(Sample.agency())
        #expect(stored.tls == nil)
        #expect(stored.timestampFormat == .microseconds)
        #expect(stored.etsiProfile == .current)
        #expect(stored.retrySeconds == 10)
    }

    @Test func auditsPathsAndPolicyButNoKeyMaterial() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Self.tlsAgency())
        let after = try #require(try store.auditEntries().first?.after)
        #expect(
            after.hasSuffix(
                ",\"plaintext\":false,\"tls\":{\"ca\":\"/etc/openli/ca.pem\",\"cert\":\"/etc/openli/appliance.pem\","
                    + "\"key\":\"/etc/openli/appliance.key\",\"server_name\":\"lemf.example\",\"tls12\":true},"
                    + "\"timestamp\":\"generalized\",\"etsi_profile\":\"openli\",\"retry\":60}"
            )
        )
    }

    /// Agencies the store refuses, and the field its error names (in the store's terms).
    static let invalidAgencies: [(String, @Sendable (inout Agency) -> Void, String)] = [
        ("plaintext and TLS", { $0.plaintext = true }, "plaintext"),
        ("neither plaintext nor TLS", { $0.tls = nil }, "ca_path"),
        ("relative CA path", { $0.tls?.caPath = "ca.pem" }, "ca_path"),
        ("dot-dot in certificate path", { $0.tls?.certificatePath = "/etc/../etc/appliance.pem" }, "certificate_path"),
        ("dot in key path", { $0.tls?.keyPath = "/etc/./appliance.key" }, "key_path"),
        ("double slash in key path", { $0.tls?.keyPath = "/etc//appliance.key" }, "key_path"),
        ("trailing slash in CA path", { $0.tls?.caPath = "/etc/openli/" }, "ca_path"),
        ("root as CA path", { $0.tls?.caPath = "/" }, "ca_path"),
        ("control character in path", { $0.tls?.caPath = "/etc/ca\n.pem" }, "ca_path"),
        ("server name with a space", { $0.tls?.serverName = "lemf example" }, "server_name"),
        ("server name with a port", { $0.tls?.serverName = "lemf.example:443" }, "server_name"),
        ("retry 0", { $0.retrySeconds = 0 }, "retry_seconds"),
        ("retry above an hour", { $0.retrySeconds = 3601 }, "retry_seconds"),
    ]

    @Test(arguments: invalidAgencies.indices)
    func refusesInvalidSettings(_ index: Int) throws {
        let (_, change, field) = Self.invalidAgencies[index]
        var agency = Self.tlsAgency()
        change(&agency)
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let error = storeError { () throws(StoreError) in try store.addAgency(agency) }
        #expect(error?.code == .invalid)
        #expect(error?.field == field)
        #expect(try store.agencies().isEmpty)
    }

    @Test(arguments: [("microseconds", AgencyTimestampFormat.microseconds), ("generalized", .generalized)])
    func readsTimestampFormats(_ text: String, _ format: AgencyTimestampFormat) throws {
        #expect(try WarrantValidation.timestampFormat(text) == format)
    }

    @Test(arguments: [("current", AgencyETSIProfile.current), ("openli", .openli)])
    func readsProfiles(_ text: String, _ profile: AgencyETSIProfile) throws {
        #expect(try WarrantValidation.etsiProfile(text) == profile)
    }

    @Test func refusesUnknownFormatsAndProfiles() {
        let format = storeError { () throws(StoreError) in _ = try WarrantValidation.timestampFormat("seconds") }
        #expect(format?.message == "timestamp_format \"seconds\" is not one of microseconds, generalized")
        let profile = storeError { () throws(StoreError) in _ = try WarrantValidation.etsiProfile("OpenLI") }
        #expect(profile?.message == "etsi_profile \"OpenLI\" is not one of current, openli")
    }

    @Test func refusesARowWithoutTransportRatherThanDowngrading() throws {
        let scratch = try ScratchDirectory()
        try scratch.store().addAgency(Sample.agency())
        try scratch.raw("UPDATE agencies SET plaintext = 0")
        let store = try scratch.store()
        let error = storeError { () throws(StoreError) in _ = try store.agencies() }
        #expect(error?.code == .io)
        #expect(error?.message.contains("agency acme") == true)
    }
}
