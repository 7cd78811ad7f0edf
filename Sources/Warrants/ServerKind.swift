/// The kinds of session server the appliance can follow.
public enum ServerKind: String, Sendable, CaseIterable {
    /// RADIUS authentication and accounting (IP access).
    case radius
    /// SIP (voice over IP).
    case sip
    /// GTP (mobile data).
    case gtp
    /// SMTP (e-mail submission and relay).
    case smtp
    /// IMAP (e-mail access).
    case imap
    /// POP3 (e-mail access).
    case pop3

    /// The ports used when a server is added without one (RADIUS: 1812 and 1813).
    public var defaultPorts: [UInt16] {
        switch self {
        case .radius: [1812, 1813]
        case .sip: [5060]
        case .gtp: [2123]
        case .smtp: [25]
        case .imap: [143]
        case .pop3: [110]
        }
    }
}
