import Collector
import Logging
import Mediator
import ServiceLifecycle
import Stages
import Synchronization
import Warrants

/// Follows the warrant store while `run` works (DESIGN §6): once a second it compares the store's change id, and
/// after a change hands session sync one new plan per committed change since the last one it saw, in order
/// (replayed from the audit log), and the mediator the connections of any new agency. So a warrant added,
/// modified or ended with the CLI takes effect within a second, with no restart, and a change that lasted less
/// than a poll (a warrant added and ended at once, two quick modifies) still gets each of its HI1 notifications.
///
/// Each new plan carries the protection of its agencies (``AgencyProtectionLoader``): a key file changed since it was
/// read is read again. When an agency's new keys cannot be loaded it keeps its previous protection (logged as an
/// error); when it had none, the run stops (an error, exit status 1) rather than send its records unprotected.
///
/// A service of the run, and an actor on a thread of its own (sqlite blocks).
actor StoreWatcher: Service {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let store: WarrantStore
    private let context: RunContext
    private var plan: InterceptPlan
    private var protectionLoader: AgencyProtectionLoader
    private var changeID: Int64?
    private var auditID: Int64
    /// Changes of the store applied to the run (metrics read it).
    nonisolated let changesApplied = Atomic<Int>(0)
    /// Changes of the store that could not be applied (metrics read it).
    nonisolated let changesFailed = Atomic<Int>(0)

    /// Starts following `store` from `snapshot`, the state `plan` was made from; `protectionLoader` holds the keys
    /// read for it.
    init(
        executor: StageExecutor,
        store: WarrantStore,
        snapshot: StoreSnapshot,
        plan: InterceptPlan,
        protectionLoader: AgencyProtectionLoader,
        context: RunContext
    ) {
        self.executor = executor
        self.store = store
        self.plan = plan
        self.protectionLoader = protectionLoader
        self.context = context
        changeID = snapshot.changeID
        auditID = snapshot.auditID
    }

    /// Polls once a second until the run shuts down; throws when an agency's protection cannot be loaded and it had
    /// none before.
    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                if Task.isCancelled { break }
                try await self.poll()
            }
        }
    }

    private func poll() async throws(ApplianceError) {
        let current: Int64
        let snapshots: [StoreSnapshot]
        do {
            current = try store.changeID()
            guard current != changeID else { return }
            snapshots = try changesSinceLastPoll()
        } catch {
            context.logger.error("run: cannot read the warrant store: \(error)")
            return
        }
        var plans: [InterceptPlan] = []
        for snapshot in snapshots {
            auditID = max(auditID, snapshot.auditID)
            var next: InterceptPlan
            do {
                next = try plan.updated(with: snapshot)
            } catch {
                changesFailed.add(1, ordering: .relaxed)
                context.logger.error("run: a change of the warrant store cannot be applied: \(error.description)")
                continue
            }
            next.protection = try protection(of: next, snapshot: snapshot)
            plan = next
            plans.append(plan)
            changesApplied.add(1, ordering: .relaxed)
        }
        changeID = current
        guard !plans.isEmpty else { return }
        for agency in plan.agencies where !context.mediator.serves(agency: agency.name) {
            context.logger.info("run: warrants now deliver to agency \(agency.name); connecting")
            await context.mediator.addAgency(ApplianceRunner.handoverSettings(for: agency, options: context.options))
        }
        context.pipeline.mailbox.post(plans)
        let active = plan.intercepts.filter(\.active).count
        context.logger.notice(
            "run: the warrant store changed (\(plans.count) changes); \(active) warrants now in force"
        )
    }

    /// The protection of the agencies `next` delivers to, with their settings as `snapshot` has them.
    private func protection(
        of next: InterceptPlan,
        snapshot: StoreSnapshot
    ) throws(ApplianceError) -> [String: AgencyProtection] {
        let used = Set(next.agencies.map(\.name))
        do {
            return try protectionLoader.updated(
                plan.protection,
                agencies: snapshot.agencies.filter { used.contains($0.name) },
                logger: context.logger
            )
        } catch {
            context.logger.critical(
                "run: \(error.description); stopping rather than send the agency's records unprotected",
                metadata: ["li.agency": "\(error.agency)"]
            )
            throw ApplianceError(.runtime, "run: \(error.description)")
        }
    }

    /// The store's state after each change committed since the last poll, oldest first. When the audit log does
    /// not replay to the tables (they were edited behind the store's back), only the tables' current state.
    private func changesSinceLastPoll() throws(StoreError) -> [StoreSnapshot] {
        do {
            let snapshots = try store.snapshotsSince(auditID: auditID)
            if !snapshots.isEmpty { return snapshots }
        } catch {
            context.logger.error(
                "run: the audit log does not account for the warrant store's tables (\(error)); taking the tables as they are: run audit verify"
            )
        }
        return [try store.snapshot()]
    }
}
