import Packets

/// A parsed session description: its origin, session-level connection and direction, and every media stream.
public struct SDPSession: Sendable, Hashable {
    /// The `o=` line.
    public var origin: SDPOrigin
    /// The session-level `c=` address.
    public var connectionAddress: IPAddress?
    /// The session-level direction attribute, when given.
    public var direction: SDPDirection?
    /// Every `m=` line in order, including closed ones (port 0).
    public var media: [SDPMediaStream]

    /// A session from its parts.
    public init(
        origin: SDPOrigin,
        connectionAddress: IPAddress?,
        direction: SDPDirection?,
        media: [SDPMediaStream]
    ) {
        self.origin = origin
        self.connectionAddress = connectionAddress
        self.direction = direction
        self.media = media
    }
}
