import ETSI

/// Emits the HI1 notifications (TS 101 671 annex: activated, modified, deactivated) of every kind of warrant, in one
/// place: when a plan brings a warrant in, changes it or ends it, and when the capture clock crosses the start or
/// the end of a warrant's window. Owned by the session-sync actor.
public struct HI1Notifier: Sendable {
    private var plan: InterceptPlan
    private var lastTimeMicros: Int64?
    /// The capture time of the next start or end of a warrant's window (`Int64.min`: look at the next reading).
    public private(set) var nextBoundaryMicros = Int64.min

    /// Starts with a run's first plan (its warrants are in force from the start: no notification for them).
    public init(plan: InterceptPlan) {
        self.plan = plan
    }

    /// Takes a new plan at capture time `timeMicros`: a new warrant is activated, an ended one deactivated, a
    /// modified one modified.
    public mutating func apply(_ newPlan: InterceptPlan, at timeMicros: Int64, into records: inout [IRIRecord]) {
        let old = plan
        plan = newPlan
        nextBoundaryMicros = Int64.min
        for intercept in newPlan.intercepts {
            guard old.intercepts.indices.contains(Int(intercept.index)) else {
                if intercept.active { notify(intercept, .activated, at: timeMicros, into: &records) }
                continue
            }
            let previous = old.intercepts[Int(intercept.index)]
            if previous.active && !intercept.active {
                notify(intercept, .deactivated, at: timeMicros, into: &records)
            } else if intercept.active && previous.modifiedMicros != intercept.modifiedMicros {
                notify(intercept, .modified, at: timeMicros, into: &records)
            }
        }
    }

    /// Moves the clock: a window that opens is an activation, one that closes a deactivation (not at the first
    /// packet of the run, whose warrants were in force already).
    public mutating func advance(to timeMicros: Int64, into records: inout [IRIRecord]) {
        if timeMicros < nextBoundaryMicros { return }
        let previous = lastTimeMicros ?? Int64.min
        guard timeMicros > previous || lastTimeMicros == nil else { return }
        lastTimeMicros = timeMicros
        let (crossings, next) = plan.windowCrossings(from: previous, to: timeMicros)
        for crossing in crossings where crossing.intercept.active {
            if crossing.opens && !crossing.firstLook {
                notify(crossing.intercept, .activated, at: timeMicros, into: &records)
            }
            if crossing.closes && previous != Int64.min {
                notify(crossing.intercept, .deactivated, at: timeMicros, into: &records)
            }
        }
        nextBoundaryMicros = next
    }

    private func notify(
        _ intercept: Intercept,
        _ operation: HI1Payload.Operation,
        at timeMicros: Int64,
        into records: inout [IRIRecord]
    ) {
        let target = intercept.targetDescription
        let payload = HI1Payload.encode(
            operation: operation,
            liid: intercept.liid,
            operatorIdentifier: plan.operatorIdentifier,
            networkElementIdentifier: plan.networkElementIdentifier,
            time: Timestamp(epochMicros: timeMicros),
            targetInformation: target.isEmpty ? nil : target
        )
        records.append(
            IRIRecord(interceptIndex: intercept.index, cin: 0, kind: .hi1, timeMicros: timeMicros, payload: payload)
        )
    }
}
