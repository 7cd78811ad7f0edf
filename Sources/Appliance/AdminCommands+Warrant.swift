import Warrants

extension AdminCommands {
    /// `warrant add ip`: validates the request, fills in defaults from the agency and stores the warrant.
    ///
    /// Country codes default to the agency's `--country`; without one, `--auth-cc` and `--delivery-cc` are required.
    /// Static prefixes with host bits set are accepted and masked, with a note. A user name with a Unicode format
    /// control, or an `--end` before now without `--allow-past`, is refused before the store is opened.
    public func addIPWarrant(_ request: IPWarrantAddRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant add"
        try run(command) { () throws(StoreError) in
            _ = try request.user.map { text throws(StoreError) in try WarrantValidation.username(text) }
            try Self.checkEnd(request.end, allowPast: request.allowPast)
        }
        let store = try openStore(command)
        let (stored, notes) = try run(command) { () throws(StoreError) -> (IPWarrant, [String]) in
            let agency = try store.agency(named: request.agency)
            let (warrant, notes) = try Self.warrant(from: request, agency: agency)
            return (try store.addIPWarrant(warrant), notes)
        }
        return AdminOutput(lines: ["warrant \(stored.liid) added (ip, agency \(stored.agency))"], notes: notes)
    }

    /// `warrant list`: every warrant of every kind (ip, voip), ended ones included, by LIID with its status now.
    public func listWarrants() throws(ApplianceError) -> AdminOutput {
        let command = "warrant list"
        let store = try openStore(command)
        let (ipWarrants, voipWarrants) = try run(command) { () throws(StoreError) in
            (try store.ipWarrants(includeEnded: true), try store.voipWarrants(includeEnded: true))
        }
        let now = WallClock.nowMicros()
        let ipRows = ipWarrants.map { warrant in
            [
                warrant.liid, "ip", warrant.agency, warrant.status(atMicros: now).rawValue, warrant.delivery.rawValue,
                AdminTable.time(warrant.startMicros), AdminTable.time(warrant.endMicros), Self.targets(warrant),
            ]
        }
        let voipRows = voipWarrants.map { warrant in
            [
                warrant.liid, "voip", warrant.agency, warrant.status(atMicros: now).rawValue, warrant.delivery.rawValue,
                AdminTable.time(warrant.startMicros), AdminTable.time(warrant.endMicros),
                warrant.targets.map(\.description).joined(separator: " "),
            ]
        }
        let rows = (ipRows + voipRows).sorted { $0[0] < $1[0] }
        let header = ["LIID", "TYPE", "AGENCY", "STATUS", "DELIVER", "START", "END", "TARGETS"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `warrant show LIID`: the warrant, of either kind, as `key: value` lines.
    public func showWarrant(liid: String) throws(ApplianceError) -> AdminOutput {
        let command = "warrant show"
        let store = try openStore(command)
        let (ipWarrant, voipWarrant) = try run(command) { () throws(StoreError) in
            (try store.ipWarrant(liid: liid), try store.voipWarrant(liid: liid))
        }
        if let voipWarrant {
            return AdminOutput(lines: AdminTable.fields(Self.fields(voipWarrant)))
        }
        guard let warrant = ipWarrant else {
            throw ApplianceError(.usage, "\(command): warrant \(Self.quoted(liid)) does not exist")
        }
        return AdminOutput(
            lines: AdminTable.fields([
                ("liid", warrant.liid),
                ("type", "ip"),
                ("agency", warrant.agency),
                ("status", warrant.status(atMicros: WallClock.nowMicros()).rawValue),
                ("user", warrant.username ?? "-"),
                ("static-ip", warrant.staticPrefixes.isEmpty ? "-" : warrant.staticPrefixes.joined(separator: ", ")),
                ("session-id", String(warrant.sessionID)),
                ("auth-cc", warrant.authorizationCountryCode),
                ("delivery-cc", warrant.deliveryCountryCode),
                ("deliver", warrant.delivery.rawValue),
                ("start", AdminTable.time(warrant.startMicros)),
                ("end", AdminTable.time(warrant.endMicros)),
                ("ended", AdminTable.time(warrant.endedMicros)),
                ("created", AdminTable.time(warrant.createdMicros)),
                ("modified", AdminTable.time(warrant.modifiedMicros)),
            ])
        )
    }

    /// `warrant end LIID`: marks the warrant (of either kind) ended now; it stays in the store.
    public func endWarrant(liid: String) throws(ApplianceError) -> AdminOutput {
        let command = "warrant end"
        let store = try openStore(command)
        let now = WallClock.nowMicros()
        try run(command) { () throws(StoreError) in try store.endWarrant(liid: liid, atMicros: now) }
        return AdminOutput(lines: ["warrant \(liid) ended at \(ISO8601Time.format(micros: now))"])
    }

    /// The warrant the request describes, and notes on masked prefixes. `agency` is the one the request names, nil
    /// when it does not exist; country codes not given come from it.
    private static func warrant(
        from request: IPWarrantAddRequest,
        agency: Agency?
    ) throws(StoreError) -> (IPWarrant, [String]) {
        let liid = try WarrantValidation.liid(request.liid)
        let agencyName = try WarrantValidation.agencyName(request.agency, field: "--agency")
        guard let agency else {
            throw StoreError(.notFound, field: "--agency", "--agency \(quoted(agencyName)) does not exist")
        }
        let user = try request.user.map { text throws(StoreError) in try WarrantValidation.username(text) }
        var notes: [String] = []
        var prefixes: [String] = []
        for text in request.staticIPs {
            let prefix = try WarrantValidation.prefix(text)
            if prefix.hostBitsCleared {
                notes.append("warrant add: --static-ip \(quoted(text)) has host bits set; stored as \(prefix.text)")
            }
            prefixes.append(prefix.text)
        }
        let sessionID = try request.sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) }
        let authCC = try countryCode(request.authCC, "--auth-cc", agency)
        let deliveryCC = try countryCode(request.deliveryCC, "--delivery-cc", agency)
        let start = try request.start.map { text throws(StoreError) in
            try WarrantValidation.time(text, field: "--start")
        }
        let end = try request.end.map { text throws(StoreError) in try WarrantValidation.time(text, field: "--end") }
        let delivery = try request.deliver.map { text throws(StoreError) in try WarrantValidation.delivery(text) }
        let warrant = IPWarrant(
            liid: liid,
            agency: agencyName,
            username: user,
            staticPrefixes: prefixes,
            sessionID: sessionID ?? 1,
            authorizationCountryCode: authCC,
            deliveryCountryCode: deliveryCC,
            startMicros: start,
            endMicros: end,
            delivery: delivery ?? .both
        )
        return (try WarrantValidation.validated(warrant), notes)
    }

    /// Refuses an `--end` that is not a date-time, or that is before now unless `allowPast`.
    static func checkEnd(_ end: String?, allowPast: Bool) throws(StoreError) {
        guard let end else {
            return
        }
        let endMicros = try WarrantValidation.time(end, field: "--end")
        try WarrantValidation.endNotPast(endMicros, nowMicros: WallClock.nowMicros(), allowPast: allowPast)
    }

    /// The given country code, else the agency's; refused when neither exists.
    static func countryCode(_ given: String?, _ field: String, _ agency: Agency) throws(StoreError) -> String {
        if let given {
            return try WarrantValidation.countryCode(given, field: field)
        }
        guard let country = agency.countryCode else {
            throw StoreError(
                .invalid,
                field: field,
                "\(field) is required: agency \(agency.name) has no --country to default to"
            )
        }
        return country
    }

    private static func targets(_ warrant: IPWarrant) -> String {
        (warrant.username.map { ["user:\($0)"] } ?? []).joined(separator: " ")
            + (warrant.username != nil && !warrant.staticPrefixes.isEmpty ? " " : "")
            + warrant.staticPrefixes.joined(separator: " ")
    }
}
