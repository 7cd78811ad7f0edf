import Warrants

extension AdminCommands {
    /// `agency add`: validates the request, checks the TLS files (they must exist and parse; see ``AdminTLSFiles``)
    /// and stores the agency. TLS is the default: without `--plaintext`, `--ca`, `--cert` and `--key` are required;
    /// with it, the TLS options are refused.
    public func addAgency(_ request: AgencyAddRequest) throws(ApplianceError) -> AdminOutput {
        let command = "agency add"
        var notes: [String] = []
        let tlsFiles = try Self.tlsFiles(request, command: command, notes: &notes)
        var agency = try run(command) { () throws(StoreError) -> Agency in
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
            let retry = try request.retry.map { text throws(StoreError) in
                try WarrantValidation.seconds(text, field: "--retry", range: WarrantValidation.retryRange)
            }
            let tls = try tlsFiles.map { files throws(StoreError) in
                AgencyTLS(
                    caPath: files.ca,
                    certificatePath: files.cert,
                    keyPath: files.key,
                    serverName: try request.serverName.map { name throws(StoreError) in
                        try WarrantValidation.serverName(name)
                    },
                    allowTLS12: request.tls12
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
                plaintext: request.plaintext,
                tls: tls,
                timestampFormat: try request.timestamp.map { text throws(StoreError) in
                    try WarrantValidation.timestampFormat(text)
                } ?? .microseconds,
                etsiProfile: try request.etsiProfile.map { text throws(StoreError) in
                    try WarrantValidation.etsiProfile(text)
                } ?? .current,
                retrySeconds: retry ?? Agency.defaultRetrySeconds
            )
        }
        try AgencyProtectionEdit.apply(request.protection, to: &agency, command: command, notes: &notes)
        let store = try openStore(command)
        let stored = try run(command) { () throws(StoreError) in try store.addAgency(agency) }
        let settings = [Self.transport(stored)] + Self.protectionSummary(stored)
        return AdminOutput(
            lines: ["agency \(stored.name) added (\(settings.joined(separator: ", ")))"],
            notes: notes
        )
    }

    /// The checked TLS files of the request, nil for a plaintext agency; refuses a mix of `--plaintext` and TLS
    /// options, and TLS without all three files.
    private static func tlsFiles(
        _ request: AgencyAddRequest,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) -> (ca: String, cert: String, key: String)? {
        let files = [("--ca", request.ca), ("--cert", request.cert), ("--key", request.key)]
        if request.plaintext {
            let options =
                files.filter { $0.1 != nil }.map(\.0)
                + (request.serverName != nil ? ["--server-name"] : []) + (request.tls12 ? ["--tls12"] : [])
            if let first = options.first {
                throw ApplianceError(.usage, "\(command): --plaintext cannot be combined with \(first)")
            }
            return nil
        }
        guard let ca = request.ca, let cert = request.cert, let key = request.key else {
            let missing = files.filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
            throw ApplianceError(
                .usage,
                "\(command): TLS needs --ca, --cert and --key (or --plaintext); missing: \(missing)"
            )
        }
        return try AdminTLSFiles.check(ca: ca, cert: cert, key: key, command: command, notes: &notes)
    }

    /// `agency list`: every agency as a table.
    public func listAgencies() throws(ApplianceError) -> AdminOutput {
        let command = "agency list"
        let store = try openStore(command)
        let agencies = try run(command) { () throws(StoreError) in try store.agencies() }
        let rows = agencies.map { agency in
            [
                agency.name, agency.hi2.description, agency.hi3.description, String(agency.keepaliveSeconds),
                String(agency.keepaliveWaitSeconds), agency.countryCode ?? "-",
                Self.protectionSummary(agency).joined(separator: "+").nonEmpty ?? "-", Self.transport(agency),
            ]
        }
        let header = ["NAME", "HI2", "HI3", "KEEPALIVE", "WAIT", "COUNTRY", "PROTECTION", "TRANSPORT"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `agency show NAME`: the agency as `key: value` lines, with the warrants that deliver to it.
    public func showAgency(name: String) throws(ApplianceError) -> AdminOutput {
        let command = "agency show"
        let store = try openStore(command)
        let (found, snapshot) = try run(command) { () throws(StoreError) in
            (try store.agency(named: name), try store.snapshot())
        }
        guard let agency = found else {
            throw ApplianceError(.usage, "\(command): agency \(Self.quoted(name)) does not exist")
        }
        let liids =
            snapshot.warrants.filter { $0.agency == agency.name }.map(\.liid).sorted()
        return AdminOutput(
            lines: AdminTable.fields(
                [
                    ("name", agency.name),
                    ("hi2", agency.hi2.description),
                    ("hi3", agency.hi3.description),
                    ("transport", Self.transport(agency)),
                ] + Self.tlsFields(agency.tls) + [
                    ("timestamp", agency.timestampFormat.rawValue),
                    ("etsi-profile", agency.etsiProfile.rawValue),
                    ("keepalive", String(agency.keepaliveSeconds)),
                    ("keepalive-wait", String(agency.keepaliveWaitSeconds)),
                    ("retry", String(agency.retrySeconds)),
                    ("country", agency.countryCode ?? "-"),
                ] + Self.protectionFields(agency) + [
                    ("warrants", liids.isEmpty ? "-" : liids.joined(separator: ", "))
                ]
            )
        )
    }

    /// The TLS lines of `agency show`: file paths and policy, never the files' contents.
    private static func tlsFields(_ tls: AgencyTLS?) -> [(String, String)] {
        guard let tls else {
            return []
        }
        return [
            ("tls-versions", tls.allowTLS12 ? "1.2, 1.3" : "1.3"),
            ("ca", tls.caPath),
            ("cert", tls.certificatePath),
            ("key", tls.keyPath),
            ("server-name", tls.serverName ?? "- (the certificate is checked against the CA only)"),
        ]
    }

    /// `agency remove NAME`: removes an agency no warrant still delivers to.
    public func removeAgency(name: String) throws(ApplianceError) -> AdminOutput {
        let command = "agency remove"
        let store = try openStore(command)
        try run(command) { () throws(StoreError) in try store.removeAgency(named: name) }
        return AdminOutput(lines: ["agency \(name) removed"])
    }

    /// `tls1.3`, `tls1.2+` or `plaintext`.
    private static func transport(_ agency: Agency) -> String {
        guard let tls = agency.tls else {
            return "plaintext"
        }
        return tls.allowTLS12 ? "tls1.2+" : "tls1.3"
    }

    /// `text` in double quotes, for messages: quotes and backslashes escaped, and control characters, Unicode format
    /// controls (bidirectional overrides...) and line or paragraph separators written as `\u{...}`, so that a message
    /// never carries them to the terminal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            let invisible: [Unicode.GeneralCategory] = [.control, .format, .lineSeparator, .paragraphSeparator]
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where invisible.contains(scalar.properties.generalCategory):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
