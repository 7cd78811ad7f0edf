import Packets

extension IPSessionTracker {
    /// Takes the warrants as the store has them now, at the capture time of the current packet: a new warrant
    /// starts at once on its target's open sessions (IRI-BEGIN startWhileActive), an ended one stops
    /// (IRI-REPORT endWhileActive), a modified one moves to its new targets. (HI1 notifications are session sync's.)
    public func apply(_ newPlan: InterceptPlan, at timeMicros: Int64) {
        let old = plan
        plan = newPlan
        tableChanged = true
        nextEventMicros = Int64.min
        targetSessions = [:]
        for session in byAddress.values
        where newPlan.interceptsByUsername[session.user] != nil || old.interceptsByUsername[session.user] != nil {
            targetSessions[ObjectIdentifier(session)] = session
        }
        defer { targetSessions = targetSessions.filter { newPlan.interceptsByUsername[$0.value.user] != nil } }
        for intercept in newPlan.intercepts {
            guard old.intercepts.indices.contains(Int(intercept.index)) else {
                if intercept.active { windowChanged(intercept, timeMicros: timeMicros) }
                continue
            }
            let previous = old.intercepts[Int(intercept.index)]
            if previous.active && !intercept.active {
                windowChanged(intercept, timeMicros: timeMicros)
            } else if intercept.active && previous.modifiedMicros != intercept.modifiedMicros {
                if intercept.targetsDiffer(from: previous) {
                    var gone = previous
                    gone.active = false
                    windowChanged(gone, timeMicros: timeMicros)
                }
                windowChanged(intercept, timeMicros: timeMicros)
            }
        }
    }
}
