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
