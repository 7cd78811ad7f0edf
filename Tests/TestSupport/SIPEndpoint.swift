/// An IPv4 address and a UDP or TCP port: where SIP or media is sent from or to in a crafted capture.
public struct SIPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The four address bytes.
    public var address: [UInt8]
    /// The port.
    public var port: UInt16

    /// An endpoint from four address bytes and a port.
    public init(_ address: [UInt8], _ port: UInt16) {
        self.address = address
        self.port = port
    }

    /// The same address with another port.
    public func with(port: UInt16) -> SIPEndpoint {
        SIPEndpoint(address, port)
    }

    /// The address in dotted form, as SIP and SDP write it.
    public var host: String {
        address.map(String.init).joined(separator: ".")
    }

    /// `host:port`.
    public var description: String {
        "\(host):\(port)"
    }
}
