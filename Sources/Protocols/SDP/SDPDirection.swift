/// The media direction attribute of a stream or session (RFC 8866 section 6.7).
public enum SDPDirection: String, Sendable, Hashable {
    /// `a=sendrecv`, the default.
    case sendrecv
    /// `a=sendonly`
    case sendonly
    /// `a=recvonly`
    case recvonly
    /// `a=inactive`
    case inactive
}
