/// Counters of the VoIP tracker, for the summary and metrics.
public struct VoIPStatistics: Sendable {
    /// SIP messages parsed (every call, intercepted or not).
    public var sipMessages = 0
    /// Calls in which a target took part.
    public var callsIntercepted = 0
    /// Legs joined to an intercepted call by their SDP `o=` line or Session-ID.
    public var legsJoined = 0
    /// Intercepted calls that ended through SIP (200 to BYE or CANCEL, or a failed INVITE).
    public var callsEnded = 0
    /// Intercepted calls ended after the idle timeout with neither SIP nor media.
    public var callsExpired = 0
    /// Intercepted calls dropped because every warrant on them ended.
    public var callsWithdrawn = 0
    /// REGISTER and MESSAGE transactions of targets reported.
    public var reports = 0
    /// Messages of a call that had already ended (a late retransmission), not delivered.
    public var afterEnd = 0
    /// Intercepted calls in progress.
    public var open = 0
}
