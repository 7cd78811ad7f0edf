import Warrants

/// The options of `warrant modify` that every kind of warrant has (`--agency`, `--auth-cc`, `--delivery-cc`,
/// `--start`, `--end`, `--deliver`), validated, and how they are applied and reported.
struct WarrantCommonChanges: Sendable {
    var agency: String?
    var authCC: String?
    var deliveryCC: String?
    /// nil: unchanged; `.some(nil)`: the bound is removed (`none`).
    var start: Int64??
    var end: Int64??
    var delivery: Delivery?

    /// Validates the shared options of `request`. An `--end` before now is refused unless `--allow-past` is given.
    init(_ request: WarrantModifyRequest) throws(StoreError) {
        agency = try request.agency.map { text throws(StoreError) in
            try WarrantValidation.agencyName(text, field: "--agency")
        }
        authCC = try request.authCC.map { text throws(StoreError) in
            try WarrantValidation.countryCode(text, field: "--auth-cc")
        }
        deliveryCC = try request.deliveryCC.map { text throws(StoreError) in
            try WarrantValidation.countryCode(text, field: "--delivery-cc")
        }
        start = try request.start.map { text throws(StoreError) in try AdminCommands.bound(text, field: "--start") }
        end = try request.end.map { text throws(StoreError) in try AdminCommands.bound(text, field: "--end") }
        if let end, let endMicros = end {
            try WarrantValidation.endNotPast(endMicros, nowMicros: WallClock.nowMicros(), allowPast: request.allowPast)
        }
        delivery = try request.deliver.map { text throws(StoreError) in try WarrantValidation.delivery(text) }
    }

    /// Sets the given options on `warrant`.
    func apply(to warrant: inout Warrant) {
        if let agency { warrant.agency = agency }
        if let authCC { warrant.authorizationCountryCode = authCC }
        if let deliveryCC { warrant.deliveryCountryCode = deliveryCC }
        if let start { warrant.startMicros = start }
        if let end { warrant.endMicros = end }
        if let delivery { warrant.delivery = delivery }
    }

    /// The command-line names of the fields that differ between `before` and `after`: `agency`, then the target's
    /// (``WarrantTarget/changedOptions(to:)``), then the other shared ones.
    static func changedFields(_ before: Warrant, _ after: Warrant) -> [String] {
        let fields: [(String, Bool)] =
            [("agency", before.agency != after.agency)] + before.target.changedOptions(to: after.target) + [
                ("auth-cc", before.authorizationCountryCode != after.authorizationCountryCode),
                ("delivery-cc", before.deliveryCountryCode != after.deliveryCountryCode),
                ("start", before.startMicros != after.startMicros),
                ("end", before.endMicros != after.endMicros),
                ("deliver", before.delivery != after.delivery),
            ]
        return fields.filter(\.1).map(\.0)
    }

    /// What `warrant modify` prints once the store has the warrant: unchanged, or the fields that changed.
    static func report(before: Warrant?, after: Warrant, notes: [String]) -> AdminOutput {
        let fields = before.map { changedFields($0, after) } ?? []
        guard !fields.isEmpty else {
            return AdminOutput(lines: ["warrant \(after.liid) unchanged"], notes: notes)
        }
        return AdminOutput(lines: ["warrant \(after.liid) modified: \(fields.joined(separator: ", "))"], notes: notes)
    }
}
