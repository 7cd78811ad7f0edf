/// What each datagram received on a UDP sink holds.
public enum SinkEncapsulation: String, Sendable, CaseIterable {
    /// The target's IP packet, nothing in front.
    case raw
    /// A Juniper JMirror header, then the IP packet.
    case jmirror
    /// A Nokia/ALU LI shim, then an Ethernet frame.
    case alu
    /// A Cisco LI mirror header, then the IP packet.
    case cisco

    /// The vendor whose shim the datagrams carry; nil for raw.
    public var vendor: MirrorVendor? {
        switch self {
        case .raw: nil
        case .jmirror: .jmirror
        case .alu: .alu
        case .cisco: .cisco
        }
    }
}

/// The direction of the traffic a sink receives, as its sender configured it.
public enum SinkDirection: String, Sendable, CaseIterable {
    /// Everything received was sent by the target (fromTarget).
    case from
    /// Everything received was sent to the target (toTarget).
    case to
    /// Both directions, not told apart (a shim that carries the direction still gives it).
    case both
}

/// A UDP socket the appliance opens itself to receive mirrored traffic (OpenLI's `udpsinks`), so that it need not
/// pass a capture interface.
public struct UDPSink: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The local address to bind, canonical IPv4 or IPv6 text without brackets.
    public var address: String
    /// The local UDP port, 1-65535.
    public var port: UInt16
    /// What each datagram holds.
    public var encapsulation: SinkEncapsulation
    /// The direction of the traffic received.
    public var direction: SinkDirection
    /// The only sender accepted (canonical address text); nil accepts any sender.
    public var sourceAddress: String?
    /// The only sender port accepted; nil accepts any port (only set together with `sourceAddress`).
    public var sourcePort: UInt16?

    /// Creates a sink from parts that are already valid.
    public init(
        address: String,
        port: UInt16,
        encapsulation: SinkEncapsulation,
        direction: SinkDirection = .both,
        sourceAddress: String? = nil,
        sourcePort: UInt16? = nil
    ) {
        self.address = address
        self.port = port
        self.encapsulation = encapsulation
        self.direction = direction
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
    }

    /// The address and port the sink binds.
    public var endpoint: Endpoint { Endpoint(host: address, port: port) }

    /// `address:port (encapsulation, direction D[, source S[:port]])`.
    public var description: String {
        var text = "\(endpoint) (\(encapsulation.rawValue), direction \(direction.rawValue)"
        if let sourceAddress {
            text +=
                ", source " + (sourcePort.map { Endpoint(host: sourceAddress, port: $0).description } ?? sourceAddress)
        }
        return text + ")"
    }
}
