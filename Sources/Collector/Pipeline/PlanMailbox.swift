import Synchronization

/// Hands a new plan (the store changed) from the store watcher to the capture thread, which takes it at a packet
/// boundary. Only the newest plan matters: a plan not yet taken is replaced.
public final class PlanMailbox: Sendable {
    private let slot = Mutex<InterceptPlan?>(nil)
    private let pending = Atomic<Bool>(false)

    /// Creates an empty mailbox.
    public init() {}

    /// Leaves a plan for the capture thread.
    public func post(_ plan: InterceptPlan) {
        slot.withLock { $0 = plan }
        pending.store(true, ordering: .releasing)
    }

    /// The plan left since the last call, if any (a relaxed load when there is none: cheap enough per packet).
    public func take() -> InterceptPlan? {
        guard pending.load(ordering: .acquiring) else { return nil }
        pending.store(false, ordering: .relaxed)
        return slot.withLock { plan in
            defer { plan = nil }
            return plan
        }
    }
}
