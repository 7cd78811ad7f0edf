extension VoIPWarrant {
    /// The warrant's status at `nowMicros` (microseconds since the epoch): ended, expired (at or after its end),
    /// pending (before its start) or active.
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
