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
    /// Juniper JMirror streams: the address and port mirrored datagrams are sent to.
    case jmirror
    /// Nokia/ALU LI shim streams: the address and port mirrored datagrams are sent to.
    case aluMirror = "alu-mirror"
    /// Cisco LI mirror streams: the address and port mirrored datagrams are sent to.
    case ciscoMirror = "cisco-mirror"

    /// The vendor of a mirror-stream kind; nil for session servers.
    public var mirrorVendor: MirrorVendor? {
        switch self {
        case .jmirror: .jmirror
        case .aluMirror: .alu
        case .ciscoMirror: .cisco
        case .radius, .sip, .gtp, .smtp, .imap, .pop3: nil
        }
    }

    /// The ports used when a server is added without one (RADIUS: 1812 and 1813); none for mirror streams, whose port
    /// must be given.
    public var defaultPorts: [UInt16] {
        switch self {
        case .radius: [1812, 1813]
        case .sip: [5060]
        case .gtp: [2123]
        case .smtp: [25]
        case .imap: [143]
        case .pop3: [110]
        case .jmirror, .aluMirror, .ciscoMirror: []
        }
    }
}
