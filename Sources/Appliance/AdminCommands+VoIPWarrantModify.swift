import Warrants

extension AdminCommands {
    /// `warrant modify LIID ...` on a VoIP warrant: changes only what the request gives (`--sip-uri` and `--tel`
    /// together replace the whole target list, `none` clears a time bound), validates the result as a whole and
    /// stores it with a `warrant.modify` audit row. Ended warrants are refused; a request that changes nothing is
    /// refused, and one whose values equal the stored ones writes nothing. The caller has refused IP-only options.
    func modifyVoIPWarrant(_ request: WarrantModifyRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant modify"
        guard !request.options.isEmpty || request.changesVoIPTargets else {
            throw ApplianceError(
                .usage,
                "\(command): nothing to change: give --agency, --sip-uri, --tel, --auth-cc, --delivery-cc, --start,"
                    + " --end or --deliver"
            )
        }
        let (edit, notes) = try run(command) { () throws(StoreError) in try Self.voipEdit(from: request) }
        let store = try openStore(command)
        var before: VoIPWarrant?
        let after = try run(command) { () throws(StoreError) in
            try store.modifyVoIPWarrant(liid: request.options.liid) { warrant in
                before = warrant
                edit(&warrant)
            }
        }
        let changed = before.map { Self.changedFields($0, after) } ?? []
        guard !changed.isEmpty else {
            return AdminOutput(lines: ["warrant \(after.liid) unchanged"], notes: notes)
        }
        return AdminOutput(
            lines: ["warrant \(after.liid) modified: \(changed.joined(separator: ", "))"],
            notes: notes
        )
    }

    /// The validated values of the request, as a function that applies them to a warrant, and notes on targets
    /// given twice.
    private static func voipEdit(
        from request: WarrantModifyRequest
    ) throws(StoreError) -> ((inout VoIPWarrant) -> Void, [String]) {
        let options = request.options
        let agency = try options.agency.map { text throws(StoreError) in
            try WarrantValidation.agencyName(text, field: "--agency")
        }
        var targets: [VoIPTarget]?
        var notes: [String] = []
        if request.changesVoIPTargets {
            (targets, notes) = try voipTargets(
                sipURIs: request.sipURIs ?? [],
                tels: request.tels ?? [],
                command: "warrant modify"
            )
        }
        let authCC = try options.authCC.map { text throws(StoreError) in
            try WarrantValidation.countryCode(text, field: "--auth-cc")
        }
        let deliveryCC = try options.deliveryCC.map { text throws(StoreError) in
            try WarrantValidation.countryCode(text, field: "--delivery-cc")
        }
        let start = try options.start.map { text throws(StoreError) in try bound(text, field: "--start") }
        let end = try options.end.map { text throws(StoreError) in try bound(text, field: "--end") }
        let delivery = try options.deliver.map { text throws(StoreError) in try WarrantValidation.delivery(text) }
        let edit: (inout VoIPWarrant) -> Void = { [targets] warrant in
            if let agency { warrant.agency = agency }
            if let targets { warrant.targets = targets }
            if let authCC { warrant.authorizationCountryCode = authCC }
            if let deliveryCC { warrant.deliveryCountryCode = deliveryCC }
            if let start { warrant.startMicros = start }
            if let end { warrant.endMicros = end }
            if let delivery { warrant.delivery = delivery }
        }
        return (edit, notes)
    }

    /// The command-line names of the fields that differ between `before` and `after`.
    private static func changedFields(_ before: VoIPWarrant, _ after: VoIPWarrant) -> [String] {
        let fields: [(String, Bool)] = [
            ("agency", before.agency != after.agency),
            ("sip-uri", before.targets.filter(\.isSIP) != after.targets.filter(\.isSIP)),
            ("tel", before.targets.filter { !$0.isSIP } != after.targets.filter { !$0.isSIP }),
            ("auth-cc", before.authorizationCountryCode != after.authorizationCountryCode),
            ("delivery-cc", before.deliveryCountryCode != after.deliveryCountryCode),
            ("start", before.startMicros != after.startMicros),
            ("end", before.endMicros != after.endMicros),
            ("deliver", before.delivery != after.delivery),
        ]
        return fields.filter(\.1).map(\.0)
    }
}
