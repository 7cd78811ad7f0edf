import ETSI
import Packets

extension IPSessionTracker {
    /// Registers a new session; a session that held one of its addresses is silently logged off first.
    func open(_ session: IPSession, event: IPIRIContents.AccessEventType, timeMicros: Int64) {
        for prefix in session.prefixes {
            if let previous = byAddress[prefix], previous !== session {
                statistics.silentLogoffs += 1
                close(previous, reason: .undefined, timeMicros: timeMicros)
            }
        }
        for prefix in session.prefixes { byAddress[prefix] = session }
        statistics.opened += 1
        statistics.open += 1
        guard plan.interceptsByUsername[session.user] != nil else { return }
        targetSessions[ObjectIdentifier(session)] = session
        tableChanged = true
        emitSessionIRI(session, event: event, type: .begin, timeMicros: timeMicros)
    }

    /// Ends a session: IRI-END for the intercepts that began on it, and its addresses leave the match table.
    func close(_ session: IPSession, reason: IPIRIContents.EndReason, timeMicros: Int64) {
        for prefix in session.prefixes where byAddress[prefix] === session {
            byAddress[prefix] = nil
        }
        if let sessionID = session.acctSessionID, let nas = session.nasAddress {
            let key = AccountingKey(nas: nas, sessionID: sessionID)
            if byAccounting[key] === session { byAccounting[key] = nil }
        }
        statistics.open -= 1
        guard targetSessions.removeValue(forKey: ObjectIdentifier(session)) != nil else { return }
        tableChanged = true
        emitSessionIRI(session, event: .accessEnd, type: .end, timeMicros: timeMicros, endReason: reason)
    }

    /// Ends every session of a NAS that announced Accounting-On or -Off (it restarted: its sessions are gone).
    func endSessions(ofNAS nas: IPAddress, timeMicros: Int64) {
        let gone = byAccounting.filter { $0.key.nas == nas }.map(\.value)
        for session in gone {
            statistics.nasRestarts += 1
            close(session, reason: .connectionLoss, timeMicros: timeMicros)
        }
    }

    /// Moves the tracker's clock to a packet's capture time: opens and closes warrant windows (startWhileActive,
    /// endWhileActive, static-address sessions) and ends sessions idle for longer than the timeout.
    public func advance(to timeMicros: Int64) {
        if timeMicros < nextEventMicros { return }
        let previous = lastTimeMicros ?? Int64.min
        guard timeMicros > previous || lastTimeMicros == nil else { return }
        lastTimeMicros = timeMicros
        let (crossings, nextBoundary) = plan.windowCrossings(from: previous, to: timeMicros)
        for crossing in crossings { windowChanged(crossing.intercept, timeMicros: timeMicros) }
        if timeMicros >= nextSweepMicros {
            nextSweepMicros = timeMicros + max(1_000_000, min(idleTimeoutMicros / 4, 60_000_000))
            expireIdleSessions(now: timeMicros)
        }
        nextEventMicros = min(nextBoundary, nextSweepMicros)
    }

    func windowChanged(_ intercept: Intercept, timeMicros: Int64) {
        tableChanged = true
        let active = intercept.covers(timeMicros)
        if !intercept.staticPrefixes.isEmpty {
            if active && !staticBegun.contains(intercept.index) {
                staticBegun.insert(intercept.index)
                emitStaticIRI(intercept, type: .begin, event: .startOfInterceptionWithSessionActive, at: timeMicros)
            } else if !active && staticBegun.remove(intercept.index) != nil {
                emitStaticIRI(intercept, type: .report, event: .endOfInterceptionWithSessionActive, at: timeMicros)
            }
        }
        guard let user = intercept.username else { return }
        for session in targetSessions.values where session.user == user {
            if active && !session.begun.contains(intercept.index) {
                emit(
                    session,
                    intercept: intercept,
                    event: .startOfInterceptionWithSessionActive,
                    type: .begin,
                    timeMicros: timeMicros,
                    endReason: nil
                )
            } else if !active && session.begun.contains(intercept.index) {
                emit(
                    session,
                    intercept: intercept,
                    event: .endOfInterceptionWithSessionActive,
                    type: .report,
                    timeMicros: timeMicros,
                    endReason: nil
                )
            }
        }
    }

    private func expireIdleSessions(now: Int64) {
        guard idleTimeoutMicros > 0 else { return }
        var idle: [IPSession] = []
        var seen = Set<ObjectIdentifier>()
        for session in byAddress.values where now - session.lastSeenMicros > idleTimeoutMicros {
            if seen.insert(ObjectIdentifier(session)).inserted { idle.append(session) }
        }
        for session in idle {
            statistics.expired += 1
            close(session, reason: .connectionTimeout, timeMicros: now)
        }
    }
}
