/// Why a GTP message could not be parsed; each is counted in the run's summary (as `gtp_<cause>`).
public enum GTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter than its header, or its length field runs past the datagram.
    case truncated
    /// Not GTP version 1 or 2 control plane.
    case unsupportedVersion
    /// An information element's length runs past its message or group, or is wrong for its type.
    case badElement(type: UInt8)
    /// Grouped elements nested deeper than the protocol allows.
    case nestedTooDeep

    public var description: String {
        switch self {
        case .truncated: "truncated"
        case .unsupportedVersion: "unsupported_version"
        case .badElement: "bad_element"
        case .nestedTooDeep: "nested_too_deep"
        }
    }
}
