extension WarrantValidation {
    /// Checks a whole warrant of any kind and returns it in stored form (country codes in upper case, targets
    /// canonical): a valid LIID and agency name, a valid target of its kind, country codes and the window.
    ///
    /// Errors name the fields in the store's terms: `liid`, `agency`, `authorization_country_code`,
    /// `delivery_country_code`, `start`, `end`, and the target's (``target(_:)``).
    public static func validated(_ warrant: Warrant) throws(StoreError) -> Warrant {
        var result = warrant
        result.liid = try liid(warrant.liid, field: "liid")
        result.agency = try agencyName(warrant.agency, field: "agency")
        result.target = try target(warrant.target)
        result.authorizationCountryCode = try countryCode(
            warrant.authorizationCountryCode,
            field: "authorization_country_code"
        )
        result.deliveryCountryCode = try countryCode(warrant.deliveryCountryCode, field: "delivery_country_code")
        try window(startMicros: warrant.startMicros, endMicros: warrant.endMicros, startField: "start", endField: "end")
        return result
    }

    /// Checks a target and returns it in stored form. An IP target (fields `username`, `static_prefixes`,
    /// `session_id`, `mirror_id`, `sink`) needs a user name, a static prefix, a mirror id or a sink, prefixes
    /// canonical and masked, none given twice, a mirror id its vendor can carry, a sink an IP address; a VoIP
    /// target (fields `sip_uri`, `tel`) 1-64 identities, canonical, duplicates removed; an email target (field
    /// `address`) 1-64 addresses, domains in lower case, one matching the same mail as an earlier one removed; a
    /// mobile target (fields `imsi`, `msisdn`, `imei`) 1-64 identities, an MSISDN without `+`, duplicates removed.
    public static func target(_ target: WarrantTarget) throws(StoreError) -> WarrantTarget {
        switch target {
        case .ip(let ip): .ip(try ipTarget(ip))
        case .voip(let targets): .voip(try voipTargets(targets, sipField: "sip_uri", telField: "tel"))
        case .email(let targets): .email(try emailTargets(targets, field: "address"))
        case .mobile(let identities): .mobile(try mobileIdentities(identities))
        }
    }

    private static func ipTarget(_ target: IPTarget) throws(StoreError) -> IPTarget {
        var result = target
        result.username = try target.username.map { name throws(StoreError) in try username(name, field: "username") }
        var prefixes: [String] = []
        for text in target.staticPrefixes {
            let canonical = try prefix(text, field: "static_prefixes").text
            guard !prefixes.contains(canonical) else {
                throw .invalid("static_prefixes", text, "is given twice (as \(canonical))")
            }
            prefixes.append(canonical)
        }
        result.staticPrefixes = prefixes
        result.mirror = try target.mirror.map { mirror throws(StoreError) in try mirrorTarget(mirror) }
        result.sink = try target.sink.map { sink throws(StoreError) in
            try sinkEndpoint(sink.description, field: "sink")
        }
        guard result.username != nil || !prefixes.isEmpty || result.mirror != nil || result.sink != nil else {
            throw StoreError(
                .invalid,
                field: "username",
                parts: [
                    .text("a warrant needs a target: "), .field("username"), .text(", "), .field("static_prefixes"),
                    .text(", "), .field("mirror_id"), .text(" or "), .field("sink"),
                ]
            )
        }
        guard (1...maximumSessionID).contains(target.sessionID) else {
            throw .invalid("session_id", String(target.sessionID), "is not a session id in 1-\(maximumSessionID)")
        }
        return result
    }
}
