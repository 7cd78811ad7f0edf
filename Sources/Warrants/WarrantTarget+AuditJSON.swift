/// The target's members in a warrant's audit JSON, both ways.
extension WarrantTarget {
    /// IP: `user`, `static_ips`, `session_id`, then `mirror_id` and `mirror_vendor` (null for any vendor) when the
    /// warrant has a mirror id and `sink` when it has a sink (written only then, so that the rows of other IP warrants
    /// read as they did before schema v8); VoIP: `targets` (SIP URIs and numbers as text); email: `addresses`;
    /// mobile: `identities` (`kind:digits`, as ``MobileIdentity/description`` writes them).
    var auditMembers: [(String, AuditJSON)] {
        switch self {
        case .ip(let target):
            [
                ("user", .optional(target.username)),
                ("static_ips", .array(target.staticPrefixes.map(AuditJSON.string))),
                ("session_id", .integer(Int64(target.sessionID))),
            ]
                + (target.mirror.map { mirror in
                    [
                        ("mirror_id", .integer(Int64(mirror.interceptID))),
                        ("mirror_vendor", .optional(mirror.vendor?.rawValue)),
                    ]
                } ?? [])
                + (target.sink.map { [("sink", .string($0.description))] } ?? [])
        case .voip(let targets):
            [("targets", .array(targets.map { .string($0.description) }))]
        case .email(let targets):
            [("addresses", .array(targets.map { .string($0.address) }))]
        case .mobile(let identities):
            [("identities", .array(identities.map { .string($0.description) }))]
        }
    }

    /// The target of a warrant of `kind` from the members of its audit JSON.
    init(kind: String, audit reader: AuditRecordReader) throws(StoreError) {
        switch kind {
        case "ip":
            self = .ip(try IPTarget(audit: reader))
        case "voip":
            var targets: [VoIPTarget] = []
            for text in try reader.strings("targets") {
                guard let target = VoIPTarget(stored: text) else {
                    throw reader.wrongType("targets", "a list of SIP URIs and telephone numbers")
                }
                targets.append(target)
            }
            self = .voip(targets)
        case "email":
            var targets: [EmailTarget] = []
            for text in try reader.strings("addresses") {
                guard let target = EmailTarget(address: text) else {
                    throw reader.wrongType("addresses", "a list of email addresses")
                }
                targets.append(target)
            }
            self = .email(targets)
        case "mobile":
            var identities: [MobileIdentity] = []
            for text in try reader.strings("identities") {
                guard let identity = MobileIdentity(stored: text) else {
                    throw reader.wrongType("identities", "a list of imsi:, msisdn: and imei: digits")
                }
                identities.append(identity)
            }
            self = .mobile(identities)
        default:
            throw reader.wrongType("kind", "a kind of warrant (ip, voip, email, mobile)")
        }
    }
}

extension IPTarget {
    /// The IP target from its audit members; `mirror_id`, `mirror_vendor` and `sink`, written only since schema v8,
    /// read as absent when missing.
    fileprivate init(audit reader: AuditRecordReader) throws(StoreError) {
        self.init(
            username: try reader.optionalString("user"),
            staticPrefixes: try reader.strings("static_ips"),
            sessionID: try reader.integer("session_id", as: UInt32.self)
        )
        if let interceptID = try reader.optionalInteger("mirror_id", as: UInt32.self) {
            mirror = MirrorTarget(interceptID: interceptID)
            if let text = try reader.optionalString("mirror_vendor", missingIsNull: true) {
                guard let vendor = MirrorVendor(rawValue: text) else {
                    throw reader.wrongType("mirror_vendor", "jmirror, alu, cisco or null")
                }
                mirror?.vendor = vendor
            }
        }
        if let text = try reader.optionalString("sink", missingIsNull: true) {
            guard let endpoint = Endpoint(parsing: text) else {
                throw reader.wrongType("sink", "ADDRESS:PORT or null")
            }
            sink = endpoint
        }
    }
}
