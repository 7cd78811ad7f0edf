import Warrants

extension AuditActor {
    static let tester = AuditActor(user: "tester", command: "openli-appliance test")
}

/// Sample records.
enum Sample {
    static func agency(_ name: String = "acme", country: String? = "NZ") -> Agency {
        Agency(
            name: name,
            hi2: Endpoint(host: "127.0.0.1", port: 9001),
            hi3: Endpoint(host: "::1", port: 9002),
            countryCode: country,
            plaintext: true
        )
    }

    static func warrant(_ liid: String = "LIID1", agency: String = "acme") -> Warrant {
        Warrant.ip(
            liid: liid,
            agency: agency,
            username: "bob@isp.example",
            staticPrefixes: ["198.51.100.7"],
            authorizationCountryCode: "nz",
            deliveryCountryCode: "NZ"
        )
    }
}

/// The error `body` throws, or nil.
func storeError(_ body: () throws(StoreError) -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
