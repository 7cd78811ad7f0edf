/// The session trackers of a run, one per family of session protocols; a new kind of target adds its tracker here.
enum SessionTrackers {
    /// A tracker of each kind, for the run's first plan.
    static func make(plan: InterceptPlan, settings: PipelineSettings) -> [any SessionTracker] {
        [
            IPSessionTracker(plan: plan, idleTimeoutMicros: settings.sessionIdleTimeoutMicros),
            VoIPCallTracker(plan: plan, settings: settings.voip),
            EmailTracker(plan: plan, settings: settings.email),
            MobileTracker(plan: plan, settings: settings.mobile),
        ]
    }
}
