/// How the records to an agency carry their time: TS 102 232-1 `microSecondTimeStamp` or `timeStamp`.
public enum AgencyTimestampFormat: String, Sendable, CaseIterable {
    /// `microSecondTimeStamp` (seconds and microseconds since the epoch), the default.
    case microseconds
    /// `timeStamp`, a GeneralizedTime.
    case generalized
}
