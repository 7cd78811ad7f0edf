extension WarrantValidation {
    /// Checks a whole agency and returns it in stored form (country code in upper case, endpoints canonical, server
    /// name in lower case): TLS files or plaintext (exactly one), keep-alive settings, retry interval 1-3600, and
    /// the encryption and integrity settings (canonical key paths, the fingerprint's form, counts and intervals).
    public static func validated(_ agency: Agency) throws(StoreError) -> Agency {
        var result = agency
        result.name = try agencyName(agency.name)
        result.hi2 = try endpoint(agency.hi2.description, field: "hi2")
        result.hi3 = try endpoint(agency.hi3.description, field: "hi3")
        result.tls = try transport(plaintext: agency.plaintext, tls: agency.tls)
        try keepalive(seconds: agency.keepaliveSeconds, waitSeconds: agency.keepaliveWaitSeconds)
        guard retryRange.contains(agency.retrySeconds) else {
            throw .invalid("retry_seconds", String(agency.retrySeconds), "is not a number of seconds in 1-3600")
        }
        result.countryCode = try agency.countryCode.map { code throws(StoreError) in
            try countryCode(code, field: "country_code")
        }
        result.encryption = try agency.encryption.map { settings throws(StoreError) in try encryption(settings) }
        result.integrity = try agency.integrity.map { settings throws(StoreError) in try integrity(settings) }
        return result
    }
}
