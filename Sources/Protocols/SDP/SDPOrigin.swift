/// The `o=` line: who created the session description and which version it is.
public struct SDPOrigin: Sendable, Hashable {
    /// The user name (`-` when none).
    public var username: String
    /// The session id, as sent (numeric in practice, but only unique as text).
    public var sessionID: String
    /// The session version; it grows when a re-offer changes the session.
    public var version: UInt64
    /// The address type, `IP4` or `IP6`.
    public var addressType: String
    /// The unicast address (or host name) of the originator, as sent.
    public var address: String

    /// An origin from its fields.
    public init(username: String, sessionID: String, version: UInt64, addressType: String, address: String) {
        self.username = username
        self.sessionID = sessionID
        self.version = version
        self.addressType = addressType
        self.address = address
    }
}
