import Synchronization

/// A flag that asks the capture stages to stop reading (SIGINT, SIGTERM, or the end of a live run).
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates an unset flag.
    public init() {}

    /// Asks the pipeline to stop.
    public func request() {
        flag.store(true, ordering: .relaxed)
    }

    /// Whether a stop was asked for.
    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}
