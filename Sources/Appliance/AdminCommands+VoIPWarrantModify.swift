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
        return WarrantCommonChanges.report(before: before, after: after, notes: notes, changed: Self.changedFields)
    }

    /// The validated values of the request, as a function that applies them to a warrant, and notes on targets
    /// given twice.
    private static func voipEdit(
        from request: WarrantModifyRequest
    ) throws(StoreError) -> ((inout VoIPWarrant) -> Void, [String]) {
        let common = try WarrantCommonChanges(request.options)
        var targets: [VoIPTarget]?
        var notes: [String] = []
        if request.changesVoIPTargets {
            (targets, notes) = try voipTargets(
                sipURIs: request.sipURIs ?? [],
                tels: request.tels ?? [],
                command: "warrant modify"
            )
        }
        let edit: (inout VoIPWarrant) -> Void = { [targets] warrant in
            common.apply(to: &warrant)
            if let targets { warrant.targets = targets }
        }
        return (edit, notes)
    }

    /// The command-line names of the fields that differ between `before` and `after`.
    private static func changedFields(_ before: VoIPWarrant, _ after: VoIPWarrant) -> [String] {
        WarrantCommonChanges.changedFields(
            before,
            after,
            specific: [
                ("sip-uri", before.targets.filter(\.isSIP) != after.targets.filter(\.isSIP)),
                ("tel", before.targets.filter { !$0.isSIP } != after.targets.filter { !$0.isSIP }),
            ]
        )
    }
}
