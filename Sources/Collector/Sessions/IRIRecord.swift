import ETSI

/// An IRI ready for sequencing: its intercept, CIN, time and encoded payload element.
public struct IRIRecord: Sendable {
    /// Index of the intercept in the run's `InterceptPlan`.
    public var interceptIndex: Int32
    /// The communication identity number.
    public var cin: UInt32
    /// An IRI of a type (BEGIN, CONTINUE, END, REPORT), or an HI1 notification.
    public var kind: RecordKind
    /// When the event happened (capture time), µs since the epoch.
    public var timeMicros: Int64
    /// The encoded Payload element (`a2 ...`).
    public var payload: [UInt8]
}

/// Counters of the session trackers, for the summary and metrics.
public struct SessionStatistics: Sendable {
    /// Sessions opened (all users).
    public var opened = 0
    /// Sessions ended by an Accounting Stop.
    public var stopped = 0
    /// Sessions ended because their address went to another session.
    public var silentLogoffs = 0
    /// Sessions ended after the idle timeout with no accounting.
    public var expired = 0
    /// Sessions ended by an Accounting-On/Off of their NAS.
    public var nasRestarts = 0
    /// Responses with no matching request (the request was not captured).
    public var unpairedResponses = 0
    /// Accounting messages that named no known session and could not open one.
    public var unknownSessions = 0
    /// Sessions open now.
    public var open = 0
}
