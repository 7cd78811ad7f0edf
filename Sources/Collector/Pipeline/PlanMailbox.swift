import Synchronization

/// Hands new plans (the store changed) from the store watcher to session sync, which takes them at a packet
/// boundary, oldest first. Every plan is kept, not only the newest: each committed change must reach the trackers
/// in order, so that a warrant that lived for less than a poll still gets its HI1 activation and deactivation.
public final class PlanMailbox: Sendable {
    private let queue = Mutex<[InterceptPlan]>([])
    private let pending = Atomic<Bool>(false)

    /// Creates an empty mailbox.
    public init() {}

    /// Leaves plans for session sync, in the order given, after any it has not taken yet.
    public func post(_ plans: [InterceptPlan]) {
        guard !plans.isEmpty else { return }
        queue.withLock { $0.append(contentsOf: plans) }
        pending.store(true, ordering: .releasing)
    }

    /// Leaves one plan for session sync.
    public func post(_ plan: InterceptPlan) {
        post([plan])
    }

    /// Every plan left since the last call, oldest first (a relaxed load when there is none: cheap enough per
    /// packet).
    public func take() -> [InterceptPlan] {
        guard pending.load(ordering: .acquiring) else { return [] }
        pending.store(false, ordering: .relaxed)
        return queue.withLock { plans in
            defer { plans.removeAll() }
            return plans
        }
    }
}
