/// The fields of an EmailIRI (TS 102 232-2 version 19) that the appliance reports, in the order and with the tags of
/// the module:
///
/// ```asn1
/// EmailIRI ::= SEQUENCE { emailIRIObjId [0] RELATIVE-OID, eventType [1] E-mail-Event,
///     client-Address [2] IPAddress OPTIONAL, server-Address [3] IPAddress OPTIONAL, client-Port [4] INTEGER OPTIONAL,
///     server-Port [5] INTEGER OPTIONAL, server-Octets-Sent [6] INTEGER, client-Octets-Sent [7] INTEGER,
///     protocol-ID [8] E-mail-Protocol, e-mail-Sender [9] UTF8String OPTIONAL,
///     e-mail-Recipients [10] SEQUENCE OF UTF8String OPTIONAL, status [11] E-mail-Status,
///     total-Recipient-Count [12] INTEGER OPTIONAL, message-ID [13] OCTET STRING OPTIONAL, ...,
///     aAAInformation [16] AAAInformation OPTIONAL, e-mail-Sender-Validity [17] ENUMERATED OPTIONAL }
/// ```
public struct EmailIRIContents: Sendable, Equatable {
    /// `E-mail-Event`.
    public enum Event: Int, Sendable {
        /// The target sent a message (SMTP).
        case send = 1
        /// The target received a message (SMTP, as an accepted recipient).
        case receive = 2
        /// The target downloaded a message (POP3 RETR, IMAP FETCH).
        case download = 3
        /// A log-on was tried.
        case logonAttempt = 4
        /// The target logged on.
        case logon = 5
        /// A log-on failed.
        case logonFailure = 6
        /// The target logged off.
        case logoff = 7
        /// Part of a message was downloaded (POP3 TOP, IMAP partial FETCH).
        case partialDownload = 8
        /// The target uploaded a message (IMAP APPEND).
        case upload = 9
    }

    /// `E-mail-Protocol`.
    public enum MailProtocol: Int, Sendable {
        /// SMTP.
        case smtp = 1
        /// POP3.
        case pop3 = 2
        /// IMAP4.
        case imap4 = 3
    }

    /// `E-mail-Status`.
    public enum Status: Int, Sendable {
        /// Not known.
        case unknown = 1
        /// The operation failed.
        case failed = 2
        /// The operation succeeded.
        case succeeded = 3
    }

    /// `AAAInformation`: the user a POP3, authenticated SMTP or IMAP session logged on as (never the password).
    public struct Authentication: Sendable, Equatable {
        /// `AAAResult`.
        public enum Result: Int, Sendable {
            /// Not known.
            case unknown = 1
            /// The log-on failed.
            case failed = 2
            /// The log-on succeeded.
            case succeeded = 3
        }

        /// The user name the client gave.
        public var username: String
        /// How the log-on went, if known.
        public var result: Result?

        /// Creates the information.
        public init(username: String, result: Result?) {
            self.username = username
            self.result = result
        }
    }

    /// What happened.
    public var event: Event
    /// The client's address.
    public var clientAddress: IRIAddress?
    /// The server's address.
    public var serverAddress: IRIAddress?
    /// The client's TCP port.
    public var clientPort: UInt16?
    /// The server's TCP port.
    public var serverPort: UInt16?
    /// Octets the server sent in the session so far.
    public var serverOctetsSent: UInt64
    /// Octets the client sent in the session so far.
    public var clientOctetsSent: UInt64
    /// The mail protocol.
    public var mailProtocol: MailProtocol
    /// The message's sender.
    public var sender: String?
    /// The message's (accepted) recipients, or the mailbox's owner.
    public var recipients: [String]?
    /// How the operation went.
    public var status: Status
    /// How many recipients there were.
    public var totalRecipientCount: UInt32?
    /// The user the session logged on as.
    public var authentication: Authentication?
    /// Whether the operator vouches for the sender (`e-mail-Sender-Validity`: true validated, false not).
    public var senderValidated: Bool?

    /// Creates the contents of an event.
    public init(
        event: Event,
        mailProtocol: MailProtocol,
        status: Status,
        serverOctetsSent: UInt64 = 0,
        clientOctetsSent: UInt64 = 0
    ) {
        self.event = event
        self.mailProtocol = mailProtocol
        self.status = status
        self.serverOctetsSent = serverOctetsSent
        self.clientOctetsSent = clientOctetsSent
    }
}
