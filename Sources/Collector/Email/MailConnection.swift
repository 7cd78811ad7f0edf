import ETSI
import Packets
import Protocols

/// One TCP connection to a known mail server: both directions put back in order, the parser of its protocol, its
/// octet counts and the intercepts it concerns.
final class MailConnection {
    /// An intercept the connection concerns, and where its IRIs stand.
    struct Party {
        /// The intercept's index in the plan.
        var interceptIndex: Int32
        /// Whether its IRI-BEGIN was produced.
        var begun = false
        /// Whether its IRI-END was produced.
        var ended = false
    }

    /// The client's address and port.
    let client: (address: IPAddress, port: UInt16)
    /// The server's address and port.
    let server: ServerEndpoint
    /// The mail protocol.
    let mailProtocol: EmailIRIContents.MailProtocol
    /// The communication identity number of the session.
    let cin: UInt32
    /// Parses both directions: the parser of the connection's protocol (the others stay nil). Held apart rather than
    /// as an existential so that feeding it mutates it in place.
    private var smtp: SMTPSession?
    private var imap: IMAPSession?
    private var pop3: POP3Session?
    /// The client's bytes, in order.
    var fromClient = TCPStreamDirection()
    /// The server's bytes, in order.
    var fromServer = TCPStreamDirection()
    /// Payload octets the client sent.
    var clientOctets: UInt64 = 0
    /// Payload octets the server sent.
    var serverOctets: UInt64 = 0
    /// Capture time of the connection's last packet.
    var lastMicros: Int64
    /// Whether the client, and the server, closed their direction.
    var clientClosed = false
    var serverClosed = false
    /// The user the session logged on as.
    var user: String?
    /// The intercepts the session concerns.
    var parties: [Party] = []

    init(
        client: (IPAddress, UInt16),
        server: ServerEndpoint,
        mailProtocol: EmailIRIContents.MailProtocol,
        lookup: any MailTargetLookup,
        pieceLimit: Int,
        timeMicros: Int64
    ) {
        self.client = client
        self.server = server
        self.mailProtocol = mailProtocol
        switch mailProtocol {
        case .smtp: smtp = SMTPSession(lookup: lookup, pieceLimit: pieceLimit)
        case .imap4: imap = IMAPSession(lookup: lookup, pieceLimit: pieceLimit)
        case .pop3: pop3 = POP3Session(lookup: lookup, pieceLimit: pieceLimit)
        }
        lastMicros = timeMicros
        cin = CommunicationIdentity.cin(
            for: "\(mailProtocol) \(client.0):\(client.1) \(server.address):\(server.port) \(timeMicros)"
        )
    }

    /// Feeds the next bytes of one direction to the parser (nothing once the session switched to TLS).
    func take(_ bytes: UnsafeRawBufferPointer, fromClient: Bool, into events: inout [MailEvent]) {
        switch mailProtocol {
        case .smtp:
            guard smtp?.isOpaque == false else { return }
            fromClient ? smtp?.takeClient(bytes, into: &events) : smtp?.takeServer(bytes, into: &events)
        case .imap4:
            guard imap?.isOpaque == false else { return }
            fromClient ? imap?.takeClient(bytes, into: &events) : imap?.takeServer(bytes, into: &events)
        case .pop3:
            guard pop3?.isOpaque == false else { return }
            fromClient ? pop3?.takeClient(bytes, into: &events) : pop3?.takeServer(bytes, into: &events)
        }
    }

    /// Tells the parser that bytes of one direction were lost.
    func lost(octets: Int, fromClient: Bool, into events: inout [MailEvent]) {
        smtp?.lost(octets: octets, fromClient: fromClient, into: &events)
        imap?.lost(octets: octets, fromClient: fromClient, into: &events)
        pop3?.lost(octets: octets, fromClient: fromClient, into: &events)
    }

    /// The party of an intercept, added when new.
    func partyIndex(of interceptIndex: Int32) -> Int {
        if let position = parties.firstIndex(where: { $0.interceptIndex == interceptIndex }) { return position }
        parties.append(Party(interceptIndex: interceptIndex))
        return parties.count - 1
    }

    /// The protocol's name, as error counters are named.
    var protocolName: String {
        switch mailProtocol {
        case .smtp: "smtp"
        case .imap4: "imap"
        case .pop3: "pop3"
        }
    }
}
