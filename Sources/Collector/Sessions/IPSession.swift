import Packets

/// One subscriber session learnt from RADIUS (every user's, not only targets').
final class IPSession {
    let user: String
    let cin: UInt32
    var acctSessionID: String?
    var ipv4: IPAddress?
    var ipv6: [IPPrefix] = []
    var startMicros: Int64
    var lastSeenMicros: Int64
    var nasAddress: IPAddress?
    var nasIdentifier: String?
    var nasPort: UInt32?
    var callingStationID: String?
    var octetsIn: UInt64?
    var octetsOut: UInt64?
    /// Intercepts that have begun (IRI-BEGIN sent or the window open) for this session.
    var begun: Set<Int32> = []

    init(user: String, cin: UInt32, startMicros: Int64) {
        self.user = user
        self.cin = cin
        self.startMicros = startMicros
        self.lastSeenMicros = startMicros
    }

    /// The addresses and prefixes this session owns, as the match table keys them.
    var prefixes: [IPPrefix] {
        var all: [IPPrefix] = []
        if let ipv4 { all.append(IPPrefix(address: ipv4, length: 32)) }
        all.append(contentsOf: ipv6)
        return all
    }
}
