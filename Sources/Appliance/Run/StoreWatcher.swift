import Collector
import Dispatch
import Logging
import Mediator
import Warrants

/// Follows the warrant store while `run` works (DESIGN §6): once a second it compares the store's change id, and
/// after a change hands the capture thread a new plan (and the mediator the connections of any new agency), so a
/// warrant added, modified or ended with the CLI takes effect within a second, with no restart.
final class StoreWatcher: @unchecked Sendable {
    private let store: WarrantStore
    private let pipeline: Pipeline
    private let mediator: Mediator
    private let options: RunOptions
    private let logger: Logger
    private let timer: any DispatchSourceTimer
    private var plan: InterceptPlan
    private var changeID: Int64?

    init(
        store: WarrantStore,
        plan: InterceptPlan,
        pipeline: Pipeline,
        mediator: Mediator,
        options: RunOptions,
        logger: Logger
    ) {
        self.store = store
        self.plan = plan
        self.pipeline = pipeline
        self.mediator = mediator
        self.options = options
        self.logger = logger
        changeID = try? store.changeID()
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "openli.store-watcher"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.poll() }
        timer.resume()
    }

    func stop() {
        timer.cancel()
    }

    private func poll() {
        do {
            let current = try store.changeID()
            guard current != changeID else { return }
            let snapshot = try store.snapshot()
            let next = try plan.updated(with: snapshot)
            for agency in next.agencies.dropFirst(mediator.agencyCount) {
                logger.info("run: warrants now deliver to agency \(agency.name); connecting")
                mediator.addAgency(ApplianceRunner.handoverSettings(for: agency, options: options))
            }
            pipeline.mailbox.post(next)
            let active = next.intercepts.filter(\.active).count
            logger.notice("run: the warrant store changed; \(active) warrants now in force")
            plan = next
            changeID = current
        } catch let error as PlanError {
            logger.error("run: the warrant store changed but cannot be applied: \(error.description)")
            changeID = try? store.changeID()
        } catch {
            logger.error("run: cannot read the warrant store: \(error)")
        }
    }
}
