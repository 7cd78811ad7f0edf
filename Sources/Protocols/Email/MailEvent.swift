/// What a mail session's parser saw happen, in the order it happened on the wire.
public enum MailEvent: Sendable, Equatable {
    /// A log-on (SMTP AUTH, IMAP LOGIN or AUTHENTICATE, POP3 USER/PASS, APOP or AUTH) got its answer. `user` is the
    /// name as the client gave it; the password is never kept.
    case logon(user: String, succeeded: Bool)
    /// A piece of a message's content, with the message's envelope, handed out before the message completes: a
    /// message too long to hold at once, or (IMAP) a message whose command has not yet been answered. Only for
    /// messages whose content is kept.
    case messagePiece(MailMessage)
    /// A message transfer completed: an SMTP transaction's DATA or last BDAT got its final reply, an IMAP FETCH or
    /// APPEND its tagged reply, a POP3 RETR or TOP its terminating line.
    case message(MailMessage)
    /// The client logged off (SMTP QUIT, IMAP LOGOUT, POP3 QUIT) and the server agreed.
    case logoff
    /// The session switched to TLS (STARTTLS or STLS accepted): what follows cannot be read.
    case startTLS
    /// Something could not be parsed; the parser resynchronised at the next line.
    case error(MailParseError)
}

/// A message that went from client to server or the other way.
public struct MailMessage: Sendable, Equatable {
    /// What the transfer was.
    public enum Kind: Sendable, Equatable {
        /// Submitted or relayed over SMTP.
        case sent
        /// A whole message retrieved (IMAP FETCH of BODY[] or RFC822, POP3 RETR).
        case download
        /// Part of a message retrieved (IMAP FETCH of a section or a range, POP3 TOP).
        case partialDownload
        /// Stored by the client (IMAP APPEND).
        case upload
    }

    /// What the transfer was.
    public var kind: Kind
    /// Whether the server accepted the transfer (SMTP: a 2xx to the data; IMAP: a tagged OK).
    public var succeeded: Bool
    /// The SMTP envelope sender (MAIL FROM), or the `From:` address of a retrieved message, when there is one.
    public var sender: String?
    /// The SMTP recipients the server accepted (a rejected RCPT TO is not a recipient).
    public var recipients: [String]
    /// The user the session logged on as, if it did.
    public var user: String?
    /// The message's octets as transferred (after dot-unstuffing).
    public var octets: Int
    /// The last (or only) piece of the content, when it was kept; earlier pieces came as ``MailEvent/messagePiece(_:)``.
    public var content: [UInt8]
    /// Whether the content was kept (the session or transaction concerned a target when the message began).
    public var contentKept: Bool
    /// Whether bytes of the message were missing from the capture.
    public var incomplete: Bool

    /// Creates a message record.
    public init(
        kind: Kind,
        succeeded: Bool,
        sender: String? = nil,
        recipients: [String] = [],
        user: String? = nil,
        octets: Int = 0,
        content: [UInt8] = [],
        contentKept: Bool = false,
        incomplete: Bool = false
    ) {
        self.kind = kind
        self.succeeded = succeeded
        self.sender = sender
        self.recipients = recipients
        self.user = user
        self.octets = octets
        self.content = content
        self.contentKept = contentKept
        self.incomplete = incomplete
    }
}

/// Why part of a mail session could not be parsed; each is counted in the run's summary.
public enum MailParseError: String, Sendable, CaseIterable {
    /// A command or reply line longer than the protocol allows.
    case overlongLine = "overlong_line"
    /// A server line that is not a reply of the protocol.
    case badReply = "bad_reply"
    /// A client line that is not a command of the protocol.
    case badCommand = "bad_command"
    /// A literal or chunk size that is not a number or is too large.
    case badLength = "bad_length"
    /// Bytes missing from the capture (a lost segment).
    case gap
    /// Client data sent while no DATA had been accepted, held past its limit.
    case unexpectedData = "unexpected_data"
}

/// Whether an address (or a log-on name) is a target's; the session tracker answers it against the warrants in force,
/// so a parser keeps the content only of messages that concern a target.
public protocol MailTargetLookup: AnyObject {
    /// Whether `address` (as written on the wire, any case; a log-on name may lack its domain) is a target's now.
    func isTarget(_ address: String) -> Bool
}
