extension WarrantValidation {
    /// Checks a whole agency and returns it in stored form (country code in upper case, endpoints canonical, server
    /// name in lower case): TLS files or plaintext (exactly one), keep-alive settings, retry interval 1-3600.
    public static func validated(_ agency: Agency) throws(StoreError) -> Agency {
        var result = agency
        result.name = try agencyName(agency.name)
        result.hi2 = try endpoint(agency.hi2.description, field: "--hi2")
        result.hi3 = try endpoint(agency.hi3.description, field: "--hi3")
        result.tls = try transport(plaintext: agency.plaintext, tls: agency.tls)
        try keepalive(seconds: agency.keepaliveSeconds, waitSeconds: agency.keepaliveWaitSeconds)
        guard retryRange.contains(agency.retrySeconds) else {
            throw .invalid("--retry", String(agency.retrySeconds), "is not a number of seconds in 1-3600")
        }
        result.countryCode = try agency.countryCode.map { code throws(StoreError) in
            try countryCode(code, field: "--country")
        }
        return result
    }

    /// Checks a whole IP warrant and returns it in stored form (country codes in upper case, prefixes canonical and
    /// masked). It needs a user name or at least one static prefix; a prefix given twice is refused.
    public static func validated(_ warrant: IPWarrant) throws(StoreError) -> IPWarrant {
        var result = warrant
        result.liid = try liid(warrant.liid)
        result.agency = try agencyName(warrant.agency, field: "--agency")
        result.username = try warrant.username.map { name throws(StoreError) in try username(name) }
        var prefixes: [String] = []
        for text in warrant.staticPrefixes {
            let canonical = try prefix(text).text
            guard !prefixes.contains(canonical) else {
                throw .invalid("--static-ip", text, "is given twice (as \(canonical))")
            }
            prefixes.append(canonical)
        }
        result.staticPrefixes = prefixes
        guard result.username != nil || !prefixes.isEmpty else {
            throw StoreError(.invalid, field: "--user", "a warrant needs a target: --user or --static-ip")
        }
        guard (1...maximumSessionID).contains(warrant.sessionID) else {
            throw .invalid("--session-id", String(warrant.sessionID), "is not a session id in 1-\(maximumSessionID)")
        }
        result.authorizationCountryCode = try countryCode(warrant.authorizationCountryCode, field: "--auth-cc")
        result.deliveryCountryCode = try countryCode(warrant.deliveryCountryCode, field: "--delivery-cc")
        try window(startMicros: warrant.startMicros, endMicros: warrant.endMicros)
        return result
    }
}
