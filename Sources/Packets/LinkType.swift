/// The link layer a frame starts with, from the capture's data link type (DLT / LINKTYPE value).
public enum LinkType: Sendable, Equatable {
    /// Ethernet II (DLT_EN10MB, 1).
    case ethernet
    /// Linux "cooked" capture v1 (DLT_LINUX_SLL, 113): 16-byte header, protocol at offset 14.
    case linuxSLL
    /// Linux "cooked" capture v2 (DLT_LINUX_SLL2, 276): 20-byte header, protocol at offset 0.
    case linuxSLL2
    /// Raw IP, version taken from the first nibble (DLT_RAW: 12, 14 or LINKTYPE_RAW 101).
    case rawIP
    /// Raw IPv4 (DLT_IPV4, 228).
    case ipv4
    /// Raw IPv6 (DLT_IPV6, 229).
    case ipv6

    /// The link type for a data link type number; nil for one the decoder does not handle.
    public init?(dlt: Int32) {
        switch dlt {
        case 1:
            self = .ethernet
        case 113:
            self = .linuxSLL
        case 276:
            self = .linuxSLL2
        case 12, 14, 101:
            self = .rawIP
        case 228:
            self = .ipv4
        case 229:
            self = .ipv6
        default:
            return nil
        }
    }
}
