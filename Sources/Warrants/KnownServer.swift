/// A session server whose traffic the appliance parses (for example a RADIUS server).
public struct KnownServer: Sendable, Hashable, CustomStringConvertible {
    /// What the server speaks.
    public var kind: ServerKind
    /// The server's address, canonical IPv4 or IPv6 text without brackets.
    public var address: String
    /// The server's port.
    public var port: UInt16

    /// Creates a server entry.
    public init(kind: ServerKind, address: String, port: UInt16) {
        self.kind = kind
        self.address = address
        self.port = port
    }

    /// `kind address:port`, with IPv6 addresses in brackets.
    public var description: String {
        "\(kind.rawValue) \(Endpoint(host: address, port: port))"
    }
}
