/// One connection the LEMF accepted, for the summary.
public struct LEMFConnectionRecord: Sendable, Equatable {
    /// The connection's number, 1 for the first one accepted.
    public var number: Int
    /// The peer's address (`127.0.0.1:50122`).
    public var peer: String
    /// Whether the connection was accepted on a TLS listener.
    public var tls: Bool
    /// The negotiated TLS version (`TLS 1.3`) once the handshake completed.
    public var tlsVersion: String?
    /// The subject of the client's certificate once verified (`CN=appliance, O=ISP`).
    public var peerSubject: String?
    /// Records received.
    public var records = 0
    /// Keep-alives answered.
    public var keepAlivesAnswered = 0
    /// Why the connection was refused or ended in error, if it was.
    public var failure: String?
    /// Octets left inside an unfinished record when the connection closed.
    public var truncatedOctets = 0
    /// Whether the connection has closed.
    public var closed = false

    /// Creates the record of a newly accepted connection.
    public init(number: Int, peer: String, tls: Bool) {
        self.number = number
        self.peer = peer
        self.tls = tls
    }

    /// `1 127.0.0.1:50122 TLS 1.3, subject CN=appliance`, or `2 127.0.0.1:50124 plaintext`.
    public var label: String {
        var text = "\(number) \(peer) "
        if tls {
            text += tlsVersion ?? "TLS (no handshake)"
            if let peerSubject {
                text += ", subject \(peerSubject)"
            }
        } else {
            text += "plaintext"
        }
        return text
    }
}
