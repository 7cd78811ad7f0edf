/// Why a frame could not be decoded (a closed set, counted by cause by the caller).
public enum PacketError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The frame ended inside a header.
    case truncated
    /// Not an IP packet (ARP, LLDP, an unknown ethertype or PPP protocol): not worth a log line.
    case notIP
    /// A bad IP header: wrong version, IHL below 5, total length below the header, extension headers beyond the
    /// packet.
    case badIPHeader
    /// A bad TCP or UDP header: TCP data offset below 5, UDP length below 8, a header beyond the IP packet.
    case badTransportHeader
    /// A tunnel header the decoder cannot follow: VXLAN without the I flag, GRE with routing, strict source route
    /// or recursion bits or a version other than 0, ERSPAN of the wrong version, or a tunnel whose payload (whole in
    /// the capture) ends inside the headers it carries.
    case badTunnelHeader
    /// Tunnels nested deeper than the decoder follows (4).
    case tunnelTooDeep

    /// A short, stable snake_case word for summaries and metric labels.
    public var description: String {
        switch self {
        case .truncated:
            return "truncated"
        case .notIP:
            return "not_ip"
        case .badIPHeader:
            return "bad_ip_header"
        case .badTransportHeader:
            return "bad_transport_header"
        case .badTunnelHeader:
            return "bad_tunnel_header"
        case .tunnelTooDeep:
            return "tunnel_too_deep"
        }
    }
}
