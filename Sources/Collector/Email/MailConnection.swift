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
    /// Parses both directions.
    var parser: any MailSessionParser
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
        parser: any MailSessionParser,
        timeMicros: Int64
    ) {
        self.client = client
        self.server = server
        self.mailProtocol = mailProtocol
        self.parser = parser
        lastMicros = timeMicros
        cin = CommunicationIdentity.cin(
            for: "\(mailProtocol) \(client.0):\(client.1) \(server.address):\(server.port) \(timeMicros)"
        )
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
