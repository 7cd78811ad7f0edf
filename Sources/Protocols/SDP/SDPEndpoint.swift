import Packets

/// A transport address where a stream's RTP or RTCP is received.
public struct SDPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The IP address.
    public var address: IPAddress
    /// The UDP port.
    public var port: UInt16

    /// An endpoint at `address` and `port`.
    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// `address:port`, with an IPv6 address in brackets.
    public var description: String {
        address.isIPv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }
}
