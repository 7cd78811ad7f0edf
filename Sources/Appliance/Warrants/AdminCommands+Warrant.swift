import Warrants

extension AdminCommands {
    /// `warrant add KIND`: validates the request, fills in defaults from the agency and stores the warrant.
    ///
    /// Country codes default to the agency's `--country`; without one, `--auth-cc` and `--delivery-cc` are required.
    /// The kind's target options are checked, and an `--end` before now without `--allow-past` refused, before the
    /// store is opened; notes say what was stored otherwise than typed (masked prefixes, targets given twice).
    public func addWarrant(_ request: WarrantAddRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant add"
        let (target, notes) = try run(command) { () throws(StoreError) in
            let target = try request.target.target(command: command)
            try Self.checkEnd(request.end, allowPast: request.allowPast)
            return target
        }
        let store = try openStore(command)
        let stored = try run(command) { () throws(StoreError) -> Warrant in
            let agency = try store.agency(named: request.agency)
            return try store.addWarrant(try Self.warrant(from: request, target: target, agency: agency))
        }
        let kind = stored.target.kind
        return AdminOutput(lines: ["warrant \(stored.liid) added (\(kind), agency \(stored.agency))"], notes: notes)
    }

    /// `warrant list`: every warrant of every kind, ended ones included, by LIID with its status now.
    public func listWarrants() throws(ApplianceError) -> AdminOutput {
        let command = "warrant list"
        let store = try openStore(command)
        let warrants = try run(command) { () throws(StoreError) in try store.warrants(includeEnded: true) }
        let now = WallClock.nowMicros()
        let rows = warrants.map { warrant in
            [
                warrant.liid, warrant.target.kind, warrant.agency, warrant.status(atMicros: now).rawValue,
                warrant.delivery.rawValue, AdminTable.time(warrant.startMicros), AdminTable.time(warrant.endMicros),
                warrant.target.listText,
            ]
        }.sorted { $0[0] < $1[0] }
        let header = ["LIID", "TYPE", "AGENCY", "STATUS", "DELIVER", "START", "END", "TARGETS"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `warrant show LIID`: the warrant as `key: value` lines.
    public func showWarrant(liid: String) throws(ApplianceError) -> AdminOutput {
        let command = "warrant show"
        let store = try openStore(command)
        guard let warrant = try run(command, { () throws(StoreError) in try store.warrant(liid: liid) }) else {
            throw ApplianceError(.usage, "\(command): warrant \(Self.quoted(liid)) does not exist")
        }
        let fields: [(String, String)] =
            [
                ("liid", warrant.liid),
                ("type", warrant.target.kind),
                ("agency", warrant.agency),
                ("status", warrant.status(atMicros: WallClock.nowMicros()).rawValue),
            ] + warrant.target.fields + [
                ("auth-cc", warrant.authorizationCountryCode),
                ("delivery-cc", warrant.deliveryCountryCode),
                ("deliver", warrant.delivery.rawValue),
                ("start", AdminTable.time(warrant.startMicros)),
                ("end", AdminTable.time(warrant.endMicros)),
                ("ended", AdminTable.time(warrant.endedMicros)),
                ("created", AdminTable.time(warrant.createdMicros)),
                ("modified", AdminTable.time(warrant.modifiedMicros)),
            ]
        return AdminOutput(lines: AdminTable.fields(fields))
    }

    /// `warrant end LIID`: marks the warrant ended now; it stays in the store.
    public func endWarrant(liid: String) throws(ApplianceError) -> AdminOutput {
        let command = "warrant end"
        let store = try openStore(command)
        let now = WallClock.nowMicros()
        try run(command) { () throws(StoreError) in try store.endWarrant(liid: liid, atMicros: now) }
        return AdminOutput(lines: ["warrant \(liid) ended at \(ISO8601Time.format(micros: now))"])
    }

    /// The warrant the request describes, with `target`. `agency` is the one the request names, nil when it does
    /// not exist; country codes not given come from it.
    private static func warrant(
        from request: WarrantAddRequest,
        target: WarrantTarget,
        agency: Agency?
    ) throws(StoreError) -> Warrant {
        let liid = try WarrantValidation.liid(request.liid)
        let agencyName = try WarrantValidation.agencyName(request.agency, field: "--agency")
        guard let agency else {
            throw StoreError(.notFound, field: "--agency", "--agency \(quoted(agencyName)) does not exist")
        }
        return Warrant(
            liid: liid,
            agency: agencyName,
            target: target,
            authorizationCountryCode: try countryCode(request.authCC, "--auth-cc", agency),
            deliveryCountryCode: try countryCode(request.deliveryCC, "--delivery-cc", agency),
            startMicros: try request.start.map { text throws(StoreError) in
                try WarrantValidation.time(text, field: "--start")
            },
            endMicros: try request.end.map { text throws(StoreError) in
                try WarrantValidation.time(text, field: "--end")
            },
            delivery: try request.deliver.map { text throws(StoreError) in try WarrantValidation.delivery(text) }
                ?? .both
        )
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
}
