/// A warrant whose window the capture clock crossed: its start or its end fell between two clock readings, or it
/// was seen for the first time (the run's first packet) while in force.
struct WarrantWindowCrossing {
    /// The warrant.
    var intercept: Intercept
    /// Its window started.
    var opens: Bool
    /// Its window ended.
    var closes: Bool
    /// The clock's first reading of the run, and the warrant was in force at it.
    var firstLook: Bool
}

extension InterceptPlan {
    /// The warrants whose windows the clock crossed moving from `previous` (`Int64.min`: the first reading) to
    /// `now`, and the next start or end of a window after `now` (`Int64.max` when none is left).
    func windowCrossings(from previous: Int64, to now: Int64) -> (crossings: [WarrantWindowCrossing], next: Int64) {
        var crossings: [WarrantWindowCrossing] = []
        var next = Int64.max
        for intercept in intercepts {
            let opens = intercept.startMicros > previous && intercept.startMicros <= now
            let closes = intercept.endMicros > previous && intercept.endMicros <= now
            let firstLook = previous == Int64.min && intercept.covers(now)
            if opens || closes || firstLook {
                crossings.append(
                    WarrantWindowCrossing(intercept: intercept, opens: opens, closes: closes, firstLook: firstLook)
                )
            }
            if intercept.startMicros > now { next = min(next, intercept.startMicros) }
            if intercept.endMicros > now { next = min(next, intercept.endMicros) }
        }
        return (crossings, next)
    }
}
