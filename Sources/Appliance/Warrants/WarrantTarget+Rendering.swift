import Warrants

/// How `warrant list`, `show` and `modify` present a target, per kind.
extension WarrantTarget {
    /// The kind as messages name it: `IP`, `VoIP`, `email`, `mobile`.
    var kindTitle: String {
        switch self {
        case .ip: "IP"
        case .voip: "VoIP"
        case .email: "email"
        case .mobile: "mobile"
        }
    }

    /// The TARGETS column of `warrant list`.
    var listText: String {
        switch self {
        case .ip(let target):
            ((target.username.map { ["user:\($0)"] } ?? []) + target.staticPrefixes
                + (target.mirror.map { ["mirror:" + $0.listText] } ?? [])
                + (target.sink.map { ["sink:\($0)"] } ?? []))
                .joined(separator: " ")
        case .voip(let targets):
            targets.map(\.description).joined(separator: " ")
        case .email(let targets):
            targets.map(\.address).joined(separator: " ")
        case .mobile(let identities):
            identities.map(\.description).joined(separator: " ")
        }
    }

    /// The target's `warrant show` lines.
    var fields: [(String, String)] {
        switch self {
        case .ip(let target):
            [
                ("user", target.username ?? "-"),
                ("static-ip", target.staticPrefixes.isEmpty ? "-" : target.staticPrefixes.joined(separator: ", ")),
                ("session-id", String(target.sessionID)),
                ("mirror-id", target.mirror.map { String($0.interceptID) } ?? "-"),
                ("mirror-vendor", target.mirror.map { $0.vendor?.rawValue ?? "any" } ?? "-"),
                ("sink", target.sink?.description ?? "-"),
            ]
        case .voip(let targets):
            [
                ("sip-uri", Self.joined(targets.filter(\.isSIP))),
                ("tel", Self.joined(targets.filter { !$0.isSIP })),
            ]
        case .email(let targets):
            [("address", targets.map(\.address).joined(separator: ", "))]
        case .mobile(let identities):
            Self.mobileKinds.map { kind in
                let digits = identities.filter { $0.kind == kind }.map(\.digits)
                return (kind, digits.isEmpty ? "-" : digits.joined(separator: ", "))
            }
        }
    }

    /// The target's options (by their `warrant show` names) and whether each differs in `other`.
    func changedOptions(to other: WarrantTarget) -> [(String, Bool)] {
        switch (self, other) {
        case (.ip(let before), .ip(let after)):
            [
                ("user", before.username != after.username),
                ("static-ip", before.staticPrefixes != after.staticPrefixes),
                ("session-id", before.sessionID != after.sessionID),
                ("mirror-id", before.mirror?.interceptID != after.mirror?.interceptID),
                ("mirror-vendor", before.mirror?.vendor != after.mirror?.vendor),
                ("sink", before.sink != after.sink),
            ]
        case (.voip(let before), .voip(let after)):
            [
                ("sip-uri", before.filter(\.isSIP) != after.filter(\.isSIP)),
                ("tel", before.filter { !$0.isSIP } != after.filter { !$0.isSIP }),
            ]
        case (.email(let before), .email(let after)):
            [("address", before != after)]
        case (.mobile(let before), .mobile(let after)):
            Self.mobileKinds.map { kind in
                (kind, before.filter { $0.kind == kind } != after.filter { $0.kind == kind })
            }
        default:
            [("target", true)]
        }
    }

    /// A mobile target's kinds of identity, in the order `warrant show` lists them.
    private static let mobileKinds = ["imsi", "msisdn", "imei"]

    private static func joined(_ targets: [VoIPTarget]) -> String {
        targets.isEmpty ? "-" : targets.map(\.description).joined(separator: ", ")
    }
}

extension VoIPTarget {
    /// True for a SIP URI, false for a telephone number.
    var isSIP: Bool {
        if case .sip = self { true } else { false }
    }
}

extension MirrorTarget {
    /// `vendor:id`, or the id alone when any vendor's shim may carry it (`warrant list`'s `mirror:` target).
    var listText: String {
        vendor.map { "\($0.rawValue):\(interceptID)" } ?? String(interceptID)
    }
}
