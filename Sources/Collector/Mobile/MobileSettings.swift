/// How mobile (GTP) sessions are followed (`run --gtp-session-timeout`).
public struct MobileSettings: Sendable {
    /// A session with no GTP-C message for this long is ended (µs).
    public var sessionTimeoutMicros: Int64
    /// A GTP-C request with no response for this long is dropped (and counted) (µs).
    public var unansweredRequestMicros: Int64

    /// Creates settings; by default sessions end after a day of silence and requests wait 180 s for a response.
    public init(sessionTimeoutMicros: Int64 = 86_400_000_000, unansweredRequestMicros: Int64 = 180_000_000) {
        self.sessionTimeoutMicros = sessionTimeoutMicros
        self.unansweredRequestMicros = unansweredRequestMicros
    }
}
