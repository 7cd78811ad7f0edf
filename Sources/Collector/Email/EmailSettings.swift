/// How mail sessions are followed (`run --email-default-domain`, `--email-session-timeout`).
public struct EmailSettings: Sendable {
    /// The domain a log-on name without `@` is taken to be in (`erin` becomes `erin@DOMAIN`), as OpenLI's
    /// `defaultemaildomain`; nil: such names match no target.
    public var defaultDomain: String?
    /// A mail session with no packet for this long is ended (µs).
    public var sessionTimeoutMicros: Int64
    /// The most mail sessions followed at once; beyond it the one idle longest is dropped (and counted).
    public var maximumSessions: Int
    /// The most octets of one message kept in memory; a longer message is delivered in pieces of this size.
    public var messagePieceBytes: Int

    /// Creates settings; by default no default domain, a 600 s timeout, 65,536 sessions and 4 MiB pieces.
    public init(
        defaultDomain: String? = nil,
        sessionTimeoutMicros: Int64 = 600_000_000,
        maximumSessions: Int = 65_536,
        messagePieceBytes: Int = 4 << 20
    ) {
        self.defaultDomain = defaultDomain
        self.sessionTimeoutMicros = sessionTimeoutMicros
        self.maximumSessions = max(1, maximumSessions)
        self.messagePieceBytes = max(1024, messagePieceBytes)
    }
}
