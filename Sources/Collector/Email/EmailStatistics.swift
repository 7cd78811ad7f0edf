/// Counters of the mail tracker, for the summary and status.
public struct EmailStatistics: Sendable {
    /// Mail sessions (TCP connections to a known SMTP, IMAP or POP3 server) seen.
    public var sessions = 0
    /// Sessions that concerned at least one email warrant.
    public var intercepted = 0
    /// Sessions that ended (log-off, close, reset, timeout or eviction).
    public var ended = 0
    /// Sessions ended because they were silent for the session timeout.
    public var timedOut = 0
    /// Sessions dropped, idle longest, to make room when the most sessions were followed.
    public var evicted = 0
    /// Sessions that switched to TLS (STARTTLS, STLS): the rest of them cannot be read.
    public var startTLS = 0
    /// Messages transferred (sent, retrieved, uploaded) in all sessions.
    public var messages = 0
    /// Messages delivered to at least one agency as content.
    public var interceptedMessages = 0
    /// Segments (or parts) that carried nothing new.
    public var retransmissions = 0
    /// Sessions open now.
    public var open = 0
}
