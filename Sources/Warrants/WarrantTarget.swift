/// Whom a warrant targets; the case is the warrant's kind. A new kind of target is a new case here, with its rows
/// (``WarrantTarget+Rows``), its audit JSON and its validation.
public enum WarrantTarget: Sendable, Equatable {
    /// IP access: a RADIUS user name, static address prefixes, a vendor mirror id and/or a raw UDP sink.
    case ip(IPTarget)
    /// VoIP: SIP users and telephone numbers; every call one of them takes part in.
    case voip([VoIPTarget])
    /// Email: mailboxes; every SMTP, IMAP and POP3 session one of them takes part in.
    case email([EmailTarget])
    /// Mobile: subscribers and devices by IMSI, MSISDN or IMEI; every GTP session one of them holds.
    case mobile([MobileIdentity])

    /// The kind's name, as the command line (`warrant add ip`), the tables and listings write it.
    public var kind: String {
        switch self {
        case .ip: "ip"
        case .voip: "voip"
        case .email: "email"
        case .mobile: "mobile"
        }
    }

    /// The IP target, when the warrant is an IP warrant.
    public var ip: IPTarget? {
        if case .ip(let target) = self { target } else { nil }
    }

    /// The SIP users and telephone numbers, when the warrant is a VoIP warrant.
    public var voip: [VoIPTarget]? {
        if case .voip(let targets) = self { targets } else { nil }
    }

    /// The mailboxes, when the warrant is an email warrant.
    public var email: [EmailTarget]? {
        if case .email(let targets) = self { targets } else { nil }
    }

    /// The identities, when the warrant is a mobile warrant.
    public var mobile: [MobileIdentity]? {
        if case .mobile(let identities) = self { identities } else { nil }
    }
}
