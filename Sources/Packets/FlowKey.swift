/// One direction of a UDP or TCP flow: source and destination address and port.
///
/// The key of a call's media flow in the shards' match table (one hash probe on a datagram's own 4-tuple) and of
/// one direction of a TCP connection whose stream is reassembled.
public struct FlowKey: Hashable, Sendable {
    /// The sender's address.
    public var source: IPAddress
    /// The receiver's address.
    public var destination: IPAddress
    /// The sender's port.
    public var sourcePort: UInt16
    /// The receiver's port.
    public var destinationPort: UInt16

    /// Creates a key.
    public init(source: IPAddress, sourcePort: UInt16, destination: IPAddress, destinationPort: UInt16) {
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
    }

    /// The key of the packets that flow the other way.
    public var reversed: FlowKey {
        FlowKey(source: destination, sourcePort: destinationPort, destination: source, destinationPort: sourcePort)
    }
}
