import Warrants

extension AdminCommands {
    /// `agency add`: validates the request and stores the agency.
    public func addAgency(_ request: AgencyAddRequest) throws(ApplianceError) -> AdminOutput {
        let command = "agency add"
        guard request.plaintext else {
            throw ApplianceError(.usage, "agency: --plaintext is required until TLS handover is available")
        }
        let agency = try run(command) { () throws(StoreError) -> Agency in
            let keepalive = try request.keepalive.map { text throws(StoreError) in
                try WarrantValidation.seconds(text, field: "--keepalive", range: WarrantValidation.keepaliveRange)
            }
            let wait = try request.keepaliveWait.map { text throws(StoreError) in
                try WarrantValidation.seconds(
                    text,
                    field: "--keepalive-wait",
                    range: WarrantValidation.keepaliveWaitRange
                )
            }
            return Agency(
                name: try WarrantValidation.agencyName(request.name),
                hi2: try WarrantValidation.endpoint(request.hi2, field: "--hi2"),
                hi3: try WarrantValidation.endpoint(request.hi3, field: "--hi3"),
                keepaliveSeconds: keepalive ?? Agency.defaultKeepaliveSeconds,
                keepaliveWaitSeconds: wait ?? Agency.defaultKeepaliveWaitSeconds,
                countryCode: try request.country.map { code throws(StoreError) in
                    try WarrantValidation.countryCode(code, field: "--country")
                },
                plaintext: request.plaintext
            )
        }
        let store = try openStore(command)
        let stored = try run(command) { () throws(StoreError) in try store.addAgency(agency) }
        return AdminOutput(lines: ["agency \(stored.name) added"])
    }

    /// `agency list`: every agency as a table.
    public func listAgencies() throws(ApplianceError) -> AdminOutput {
        let command = "agency list"
        let store = try openStore(command)
        let agencies = try run(command) { () throws(StoreError) in try store.agencies() }
        let rows = agencies.map { agency in
            [
                agency.name, agency.hi2.description, agency.hi3.description, String(agency.keepaliveSeconds),
                String(agency.keepaliveWaitSeconds), agency.countryCode ?? "-", Self.transport(agency),
            ]
        }
        let header = ["NAME", "HI2", "HI3", "KEEPALIVE", "WAIT", "COUNTRY", "TRANSPORT"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `agency show NAME`: the agency as `key: value` lines, with the warrants that deliver to it.
    public func showAgency(name: String) throws(ApplianceError) -> AdminOutput {
        let command = "agency show"
        let store = try openStore(command)
        let (found, warrants) = try run(command) { () throws(StoreError) in
            (try store.agency(named: name), try store.ipWarrants(includeEnded: false))
        }
        guard let agency = found else {
            throw ApplianceError(.usage, "\(command): agency \(Self.quoted(name)) does not exist")
        }
        let liids = warrants.filter { $0.agency == agency.name }.map(\.liid)
        return AdminOutput(
            lines: AdminTable.fields([
                ("name", agency.name),
                ("hi2", agency.hi2.description),
                ("hi3", agency.hi3.description),
                ("transport", Self.transport(agency)),
                ("keepalive", String(agency.keepaliveSeconds)),
                ("keepalive-wait", String(agency.keepaliveWaitSeconds)),
                ("country", agency.countryCode ?? "-"),
                ("warrants", liids.isEmpty ? "-" : liids.joined(separator: ", ")),
            ])
        )
    }

    /// `agency remove NAME`: removes an agency no warrant still delivers to.
    public func removeAgency(name: String) throws(ApplianceError) -> AdminOutput {
        let command = "agency remove"
        let store = try openStore(command)
        try run(command) { () throws(StoreError) in try store.removeAgency(named: name) }
        return AdminOutput(lines: ["agency \(name) removed"])
    }

    private static func transport(_ agency: Agency) -> String {
        agency.plaintext ? "plaintext" : "tls"
    }

    /// `text` in double quotes, for messages.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
