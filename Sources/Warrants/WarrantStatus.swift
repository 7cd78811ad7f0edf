/// Where a warrant stands at a moment in time.
public enum WarrantStatus: String, Sendable, CaseIterable {
    /// Before its start time.
    case pending
    /// Inside its window and not ended.
    case active
    /// At or after its end time.
    case expired
    /// Ended with `warrant end`.
    case ended
}

extension IPWarrant {
    /// The warrant's status at `nowMicros` (microseconds since the epoch).
    public func status(atMicros nowMicros: Int64) -> WarrantStatus {
        if endedMicros != nil {
            return .ended
        }
        if let endMicros, nowMicros >= endMicros {
            return .expired
        }
        if let startMicros, nowMicros < startMicros {
            return .pending
        }
        return .active
    }
}
