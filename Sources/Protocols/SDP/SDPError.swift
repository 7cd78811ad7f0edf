/// Why bytes are not a usable session description (RFC 8866).
public enum SDPError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// No bytes, or no `v=0` line first.
    case missingVersion
    /// No `o=` line.
    case missingOrigin
    /// A line that is not `x=value` with a lower-case letter type.
    case badLine
    /// An `o=` line without six fields or with a non-numeric version.
    case badOrigin
    /// A `c=` line that is not `IN IP4|IP6 address` with a valid address of that family.
    case badConnection
    /// An `m=` line without media, a numeric port and a protocol.
    case badMedia
    /// An `a=rtcp:` attribute without a valid port or address.
    case badAttribute
    /// An open media stream with no connection address at media or session level.
    case missingConnection

    /// A short, stable snake_case word for summaries and metric labels.
    public var description: String {
        switch self {
        case .missingVersion:
            return "missing_version"
        case .missingOrigin:
            return "missing_origin"
        case .badLine:
            return "bad_line"
        case .badOrigin:
            return "bad_origin"
        case .badConnection:
            return "bad_connection"
        case .badMedia:
            return "bad_media"
        case .badAttribute:
            return "bad_attribute"
        case .missingConnection:
            return "missing_connection"
        }
    }
}
