import Warrants

extension AdminCommands {
    /// `warrant modify LIID ...` for a warrant of either kind: an IP warrant takes the options of
    /// ``modifyIPWarrant(_:)``; a VoIP warrant `--sip-uri` and `--tel` (together the new target list) and the options
    /// every kind shares. An option of the other kind is refused with one line.
    public func modifyWarrant(_ request: WarrantModifyRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant modify"
        let liid = request.options.liid
        if let ipOption = request.ipOnlyOption, request.changesVoIPTargets {
            let voipOption = request.sipURIs != nil ? "--sip-uri" : "--tel"
            throw ApplianceError(.usage, "\(command): \(voipOption) cannot be combined with \(ipOption)")
        }
        let store = try openStore(command)
        let (ipWarrant, voipWarrant) = try run(command) { () throws(StoreError) in
            (try store.ipWarrant(liid: liid), try store.voipWarrant(liid: liid))
        }
        if voipWarrant != nil || (ipWarrant == nil && request.changesVoIPTargets) {
            if let option = request.ipOnlyOption {
                throw ApplianceError(
                    .usage,
                    "\(command): \(option) does not apply to VoIP warrant \(Self.quoted(liid))"
                )
            }
            return try modifyVoIPWarrant(request)
        }
        if request.changesVoIPTargets {
            let option = request.sipURIs != nil ? "--sip-uri" : "--tel"
            throw ApplianceError(.usage, "\(command): \(option) does not apply to IP warrant \(Self.quoted(liid))")
        }
        return try modifyIPWarrant(request.options)
    }

    /// `warrant modify LIID ...`: changes only what the request gives (`--static-ip` replaces the list, `none` clears
    /// a time bound), validates the result as a whole and stores it with a `warrant.modify` audit row. Ended
    /// warrants are refused; a request that changes nothing is refused, and one whose values equal the stored ones
    /// writes nothing.
    public func modifyIPWarrant(_ request: IPWarrantModifyRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant modify"
        guard !request.isEmpty else {
            throw ApplianceError(
                .usage,
                "\(command): nothing to change: give --agency, --user, --static-ip, --session-id, --auth-cc,"
                    + " --delivery-cc, --start, --end or --deliver"
            )
        }
        if request.user != nil && request.noUser {
            throw ApplianceError(.usage, "\(command): --user cannot be combined with --no-user")
        }
        if request.staticIPs != nil && request.noStaticIPs {
            throw ApplianceError(.usage, "\(command): --static-ip cannot be combined with --no-static-ip")
        }
        let (edit, notes) = try run(command) { () throws(StoreError) in try Self.edit(from: request) }
        let store = try openStore(command)
        var before: IPWarrant?
        let after = try run(command) { () throws(StoreError) in
            try store.modifyIPWarrant(liid: request.liid) { warrant in
                before = warrant
                edit(&warrant)
            }
        }
        return WarrantCommonChanges.report(before: before, after: after, notes: notes, changed: Self.changedFields)
    }

    /// The validated values of the request, as a function that applies them to a warrant, and notes on masked
    /// prefixes.
    private static func edit(
        from request: IPWarrantModifyRequest
    ) throws(StoreError) -> ((inout IPWarrant) -> Void, [String]) {
        let common = try WarrantCommonChanges(request)
        let user = try request.user.map { text throws(StoreError) in try WarrantValidation.username(text) }
        var notes: [String] = []
        let prefixes = try request.staticIPs.map { texts throws(StoreError) in
            var prefixes: [String] = []
            for text in texts {
                let prefix = try WarrantValidation.prefix(text)
                if prefix.hostBitsCleared {
                    notes.append(
                        "warrant modify: --static-ip \(quoted(text)) has host bits set; stored as \(prefix.text)"
                    )
                }
                prefixes.append(prefix.text)
            }
            return prefixes
        }
        let sessionID = try request.sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) }
        let noUser = request.noUser
        let noStaticIPs = request.noStaticIPs
        let edit: (inout IPWarrant) -> Void = { warrant in
            common.apply(to: &warrant)
            if let user { warrant.username = user }
            if noUser { warrant.username = nil }
            if let prefixes { warrant.staticPrefixes = prefixes }
            if noStaticIPs { warrant.staticPrefixes = [] }
            if let sessionID { warrant.sessionID = sessionID }
        }
        return (edit, notes)
    }

    /// A time bound: `none` for no bound (nil), else an ISO 8601 date-time.
    static func bound(_ text: String, field: String) throws(StoreError) -> Int64? {
        text == "none" ? nil : try WarrantValidation.time(text, field: field)
    }

    /// The command-line names of the fields that differ between `before` and `after`.
    private static func changedFields(_ before: IPWarrant, _ after: IPWarrant) -> [String] {
        WarrantCommonChanges.changedFields(
            before,
            after,
            specific: [
                ("user", before.username != after.username),
                ("static-ip", before.staticPrefixes != after.staticPrefixes),
                ("session-id", before.sessionID != after.sessionID),
            ]
        )
    }
}
