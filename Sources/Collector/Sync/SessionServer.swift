import Warrants

/// How the frames of a kind of known server are treated: which transports carry its protocol, and whether its
/// frames are also a subscriber's traffic (SIP and mail are: a target's own signalling is intercepted as CC too;
/// RADIUS and GTP-C are between network elements and are not). Mirror streams are no session protocol: the shards
/// unwrap them, so they carry nothing to session sync.
public struct SessionServer: Sendable, Equatable {
    /// The kind of server.
    public var kind: ServerKind
    /// Its protocol runs over UDP.
    public var udp: Bool
    /// Its protocol runs over TCP.
    public var tcp: Bool
    /// Its frames also go to the shards as traffic.
    public var carriesTraffic: Bool

    /// The treatment of a kind's frames.
    public init(_ kind: ServerKind) {
        self.kind = kind
        switch kind {
        case .radius, .gtp:
            (udp, tcp, carriesTraffic) = (true, false, false)
        case .sip:
            (udp, tcp, carriesTraffic) = (true, true, true)
        case .smtp, .imap, .pop3:
            (udp, tcp, carriesTraffic) = (false, true, true)
        case .jmirror, .aluMirror, .ciscoMirror:
            (udp, tcp, carriesTraffic) = (false, false, true)
        }
    }

    /// Whether a packet of transport protocol `number` (17 UDP, 6 TCP) carries the server's protocol.
    @inline(__always)
    public func carries(transport number: UInt8) -> Bool {
        (number == 17 && udp) || (number == 6 && tcp)
    }
}
