/// What one frame holds, as offsets into the frame (no copy).
///
/// Every offset is relative to the start of the frame that was decoded, and every range lies inside it.
public struct DecodedPacket: Sendable, Equatable {
    /// Where the IP header starts in the frame.
    public var ipOffset: Int
    /// Bytes of the IP packet in the frame: the smaller of the IP total length and the bytes captured.
    public var ipLength: Int
    /// 4 or 6.
    public var ipVersion: UInt8
    /// The IP source address.
    public var source: IPAddress
    /// The IP destination address.
    public var destination: IPAddress
    /// The IPv4 protocol, or the IPv6 next header after walking the extension headers.
    public var transportProtocol: UInt8
    /// Where the transport header (or, for a non-first fragment, the fragment data) starts in the frame.
    public var transportOffset: Int
    /// The TCP or UDP source port; 0 for other protocols and for non-first fragments.
    public var sourcePort: UInt16
    /// The TCP or UDP destination port; 0 for other protocols and for non-first fragments.
    public var destinationPort: UInt16
    /// Start of the transport payload in the frame: UDP or TCP data, otherwise the data after the IP headers.
    /// Equal to the end of the IP packet when there is no payload.
    public var payloadOffset: Int
    /// UDP: the smaller of UDP length - 8 and the bytes captured; otherwise the rest of the IP packet.
    public var payloadLength: Int
    /// The fragment facts (IPv4 header or IPv6 fragment header); nil when the packet is not a fragment (offset 0 and
    /// MF clear).
    public var fragment: IPFragment?
    /// The tunnels the IP packet was found inside (empty for a plain frame): every offset above is the inner
    /// packet's.
    public var encapsulations: Encapsulations = []
    /// For a GTP-U G-PDU (UDP to port 2152): its TEID, sequence number and inner packet, read while the frame is
    /// in this core's cache so the shard need not touch the payload.
    public var tunnel: GTPUTunnel?

    /// A decoded packet from its parts (the decoder builds these; tests and tools may too).
    public init(
        ipOffset: Int,
        ipLength: Int,
        ipVersion: UInt8,
        source: IPAddress,
        destination: IPAddress,
        transportProtocol: UInt8,
        transportOffset: Int,
        sourcePort: UInt16,
        destinationPort: UInt16,
        payloadOffset: Int,
        payloadLength: Int,
        fragment: IPFragment?
    ) {
        self.ipOffset = ipOffset
        self.ipLength = ipLength
        self.ipVersion = ipVersion
        self.source = source
        self.destination = destination
        self.transportProtocol = transportProtocol
        self.transportOffset = transportOffset
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.payloadOffset = payloadOffset
        self.payloadLength = payloadLength
        self.fragment = fragment
    }
}
