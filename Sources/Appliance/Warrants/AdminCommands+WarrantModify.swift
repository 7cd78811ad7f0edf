import Warrants

extension AdminCommands {
    /// `warrant modify LIID ...` for a warrant of any kind: changes only what the request gives (the kind's target
    /// options as ``WarrantTargetOptions`` says, `none` clears a time bound), validates the result as a whole and
    /// stores it with a `warrant.modify` audit row. Target options of another kind than the warrant's are refused,
    /// as are ended warrants and a request that changes nothing; one whose values equal the stored ones writes
    /// nothing.
    public func modifyWarrant(_ request: WarrantModifyRequest) throws(ApplianceError) -> AdminOutput {
        let command = "warrant modify"
        let given = request.targets.filter { $0.firstOption != nil }
        if given.count > 1, let first = given[0].firstOption, let second = given[1].firstOption {
            throw ApplianceError(.usage, "\(command): \(second) cannot be combined with \(first)")
        }
        let store = try openStore(command)
        let current = try run(command) { () throws(StoreError) in try store.warrant(liid: request.liid) }
        let kind = current?.target.kind ?? given.first?.kind ?? "ip"
        if let current, let other = given.first, other.kind != kind, let option = other.firstOption {
            let title = current.target.kindTitle
            throw ApplianceError(
                .usage,
                "\(command): \(option) does not apply to \(title) warrant \(Self.quoted(request.liid))"
            )
        }
        let options = request.targets.first { $0.kind == kind }
        if request.changesNoSharedField && options?.firstOption == nil {
            let names =
                (["--agency"] + (options?.optionNames ?? []) + ["--auth-cc", "--delivery-cc", "--start", "--end"])
            throw ApplianceError(
                .usage,
                "\(command): nothing to change: give \(names.joined(separator: ", ")) or --deliver"
            )
        }
        if let conflict = options?.conflict {
            throw ApplianceError(.usage, "\(command): \(conflict)")
        }
        let (common, targetEdit, notes) = try run(command) { () throws(StoreError) in
            let common = try WarrantCommonChanges(request)
            let (edit, notes) = try options?.edit(command: command) ?? ({ @Sendable _ in }, [])
            return (common, edit, notes)
        }
        var before: Warrant?
        let after = try run(command) { () throws(StoreError) in
            try store.modifyWarrant(liid: request.liid) { warrant throws(StoreError) in
                before = warrant
                common.apply(to: &warrant)
                try targetEdit(&warrant.target)
            }
        }
        return WarrantCommonChanges.report(before: before, after: after, notes: notes)
    }

    /// A time bound: `none` for no bound (nil), else an ISO 8601 date-time.
    static func bound(_ text: String, field: String) throws(StoreError) -> Int64? {
        text == "none" ? nil : try WarrantValidation.time(text, field: field)
    }
}
