/// Why a UDP payload is not a usable RADIUS packet.
public enum RADIUSError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Fewer than the 20 bytes of a RADIUS header.
    case tooShort
    /// The header's Length is below 20 or beyond the bytes received.
    case badLength
    /// An attribute's length is below 2 or runs past the end of the packet.
    case badAttribute
    /// The Code is not one of ``RADIUSCode``.
    case unknownCode

    /// A short, stable snake_case word for summaries and metric labels.
    public var description: String {
        switch self {
        case .tooShort:
            return "too_short"
        case .badLength:
            return "bad_length"
        case .badAttribute:
            return "bad_attribute"
        case .unknownCode:
            return "unknown_code"
        }
    }
}
