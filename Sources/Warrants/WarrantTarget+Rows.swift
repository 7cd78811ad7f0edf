/// How a target is kept in `warrant_targets`: typed rows, in order.
extension WarrantTarget {
    /// One row of `warrant_targets`: what the value is (`username`, `static_prefix`, `session_id`, `mirror_id`,
    /// `mirror_vendor`, `sink`, `sip_uri`, `tel`, `address`, `imsi`, `msisdn`, `imei`) and the value as text.
    struct Row: Equatable {
        var type: String
        var value: String
    }

    /// The target's rows, in the order they are stored.
    var rows: [Row] {
        switch self {
        case .ip(let target):
            (target.username.map { [Row(type: "username", value: $0)] } ?? [])
                + target.staticPrefixes.map { Row(type: "static_prefix", value: $0) }
                + [Row(type: "session_id", value: String(target.sessionID))]
                + (target.mirror.map { mirror in
                    [Row(type: "mirror_id", value: String(mirror.interceptID))]
                        + (mirror.vendor.map { [Row(type: "mirror_vendor", value: $0.rawValue)] } ?? [])
                } ?? [])
                + (target.sink.map { [Row(type: "sink", value: $0.description)] } ?? [])
        case .voip(let targets):
            targets.map { target in
                switch target {
                case .sip: Row(type: "sip_uri", value: target.description)
                case .tel: Row(type: "tel", value: target.description)
                }
            }
        case .email(let targets):
            targets.map { Row(type: "address", value: $0.address) }
        case .mobile(let identities):
            identities.map { Row(type: $0.kind, value: $0.digits) }
        }
    }

    /// The target of a warrant of `kind` from its rows; nil when the rows are not such a target.
    init?(kind: String, rows: [Row]) {
        switch kind {
        case "ip":
            guard let target = IPTarget(rows: rows) else { return nil }
            self = .ip(target)
        case "voip":
            var targets: [VoIPTarget] = []
            for row in rows {
                guard row.type == "sip_uri" || row.type == "tel", let target = VoIPTarget(stored: row.value) else {
                    return nil
                }
                targets.append(target)
            }
            self = .voip(targets)
        case "email":
            var targets: [EmailTarget] = []
            for row in rows {
                guard row.type == "address", let target = EmailTarget(address: row.value) else { return nil }
                targets.append(target)
            }
            self = .email(targets)
        case "mobile":
            var identities: [MobileIdentity] = []
            for row in rows {
                guard let identity = MobileIdentity(kind: row.type, digits: row.value) else { return nil }
                identities.append(identity)
            }
            self = .mobile(identities)
        default:
            return nil
        }
    }
}

extension IPTarget {
    /// The target from an IP warrant's rows: at most one user name, static prefixes, exactly one session id, at most
    /// one mirror id with at most one vendor after it, at most one sink; nil otherwise.
    fileprivate init?(rows: [WarrantTarget.Row]) {
        self.init()
        var sessionIDs: [UInt32] = []
        for row in rows {
            switch row.type {
            case "username" where username == nil: username = row.value
            case "static_prefix": staticPrefixes.append(row.value)
            case "session_id":
                guard let sessionID = UInt32(row.value) else { return nil }
                sessionIDs.append(sessionID)
            case "mirror_id" where mirror == nil:
                guard let interceptID = UInt32(row.value) else { return nil }
                mirror = MirrorTarget(interceptID: interceptID)
            case "mirror_vendor" where mirror != nil && mirror?.vendor == nil:
                guard let vendor = MirrorVendor(rawValue: row.value) else { return nil }
                mirror?.vendor = vendor
            case "sink" where sink == nil:
                guard let endpoint = Endpoint(parsing: row.value) else { return nil }
                sink = endpoint
            default: return nil
            }
        }
        guard sessionIDs.count == 1, let sessionID = sessionIDs.first else { return nil }
        self.sessionID = sessionID
    }
}
