import Warrants

extension AdminCommands {
    /// `warrant add voip`: validates the request, fills in defaults from the agency and stores the warrant.
    ///
    /// Country codes default to the agency's `--country`; without one, `--auth-cc` and `--delivery-cc` are required.
    /// A target given twice (also in another spelling of the same identity) is stored once, with a note. Targets
    /// that are not valid (a Unicode format control among them), or an `--end` before now without `--allow-past`,
    /// are refused before the store is opened.
    public func addVoIPWarrant(_ request: VoIPWarrantAddRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant add"
        try run(command) { () throws(StoreError) in
            _ = try Self.voipTargets(sipURIs: request.sipURIs, tels: request.tels, command: command)
            try Self.checkEnd(request.end, allowPast: request.allowPast)
        }
        let store = try openStore(command)
        let (stored, notes) = try run(command) { () throws(StoreError) -> (VoIPWarrant, [String]) in
            let agency = try store.agency(named: request.agency)
            let (warrant, notes) = try Self.warrant(from: request, agency: agency)
            return (try store.addVoIPWarrant(warrant), notes)
        }
        return AdminOutput(lines: ["warrant \(stored.liid) added (voip, agency \(stored.agency))"], notes: notes)
    }

    /// The targets that `--sip-uri` and `--tel` name, SIP URIs first, each in canonical form; one given twice is
    /// kept once, and a note for `command` says so.
    static func voipTargets(
        sipURIs: [String],
        tels: [String],
        command: String
    ) throws(StoreError) -> ([VoIPTarget], [String]) {
        var targets: [VoIPTarget] = []
        var notes: [String] = []
        let given = sipURIs.map { ("--sip-uri", $0) } + tels.map { ("--tel", $0) }
        for (field, text) in given {
            let target =
                field == "--sip-uri"
                ? try WarrantValidation.sipURI(text, field: field) : try WarrantValidation.telNumber(text, field: field)
            if targets.contains(target) {
                notes.append("\(command): \(field) \(quoted(text)) is given twice (as \(target)); kept once")
            } else {
                targets.append(target)
            }
        }
        return (targets, notes)
    }

    /// The `warrant show` lines of a VoIP warrant.
    static func fields(_ warrant: VoIPWarrant) -> [(String, String)] {
        let sipURIs = warrant.targets.filter(\.isSIP).map(\.description)
        let tels = warrant.targets.filter { !$0.isSIP }.map(\.description)
        return [
            ("liid", warrant.liid),
            ("type", "voip"),
            ("agency", warrant.agency),
            ("status", warrant.status(atMicros: WallClock.nowMicros()).rawValue),
            ("sip-uri", sipURIs.isEmpty ? "-" : sipURIs.joined(separator: ", ")),
            ("tel", tels.isEmpty ? "-" : tels.joined(separator: ", ")),
            ("auth-cc", warrant.authorizationCountryCode),
            ("delivery-cc", warrant.deliveryCountryCode),
            ("deliver", warrant.delivery.rawValue),
            ("start", AdminTable.time(warrant.startMicros)),
            ("end", AdminTable.time(warrant.endMicros)),
            ("ended", AdminTable.time(warrant.endedMicros)),
            ("created", AdminTable.time(warrant.createdMicros)),
            ("modified", AdminTable.time(warrant.modifiedMicros)),
        ]
    }

    /// The warrant the request describes, and notes on targets given twice. `agency` is the one the request names,
    /// nil when it does not exist; country codes not given come from it.
    private static func warrant(
        from request: VoIPWarrantAddRequest,
        agency: Agency?
    ) throws(StoreError) -> (VoIPWarrant, [String]) {
        let liid = try WarrantValidation.liid(request.liid)
        let agencyName = try WarrantValidation.agencyName(request.agency, field: "--agency")
        guard let agency else {
            throw StoreError(.notFound, field: "--agency", "--agency \(quoted(agencyName)) does not exist")
        }
        let (targets, notes) = try voipTargets(sipURIs: request.sipURIs, tels: request.tels, command: "warrant add")
        let authCC = try countryCode(request.authCC, "--auth-cc", agency)
        let deliveryCC = try countryCode(request.deliveryCC, "--delivery-cc", agency)
        let start = try request.start.map { text throws(StoreError) in
            try WarrantValidation.time(text, field: "--start")
        }
        let end = try request.end.map { text throws(StoreError) in try WarrantValidation.time(text, field: "--end") }
        let delivery = try request.deliver.map { text throws(StoreError) in try WarrantValidation.delivery(text) }
        let warrant = VoIPWarrant(
            liid: liid,
            agency: agencyName,
            targets: targets,
            authorizationCountryCode: authCC,
            deliveryCountryCode: deliveryCC,
            startMicros: start,
            endMicros: end,
            delivery: delivery ?? .both
        )
        return (try WarrantValidation.validated(warrant), notes)
    }
}

extension VoIPTarget {
    /// True for a SIP URI, false for a telephone number.
    var isSIP: Bool {
        if case .sip = self { true } else { false }
    }
}
