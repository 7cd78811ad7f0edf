import Packets
import Protocols

extension MobileTracker {
    /// A request met its response.
    func complete(_ request: ControlMessage, response: ControlMessage, responder: IPAddress, timeMicros: Int64) {
        guard let procedure = request.procedure, procedure == response.procedure else { return }
        if procedure == .create {
            if response.accepted {
                open(request: request, response: response, timeMicros: timeMicros)
            } else {
                reject(request: request, response: response, timeMicros: timeMicros)
            }
            return
        }
        guard let teid = request.headerTEID,
            let session = byControl[TunnelEndpoint(address: responder, teid: teid)]
        else {
            statistics.unknownSessions += 1
            return
        }
        session.lastMicros = timeMicros
        guard response.accepted else { return }
        switch procedure {
        case .create:
            return
        case .delete:
            close(session, timeMicros: timeMicros)
            statistics.closed += 1
        case .deleteBearer where request.bearerID == nil || request.bearerID == session.bearerID:
            close(session, timeMicros: timeMicros)
            statistics.closed += 1
        case .deleteBearer:
            if let bearer = request.bearerID { session.removeBearer(bearer) }
            modified(session, timeMicros: timeMicros)
        case .modify, .createBearer, .updateBearer:
            session.addTunnels(request: request, response: response, networkInitiated: procedure != .modify)
            session.userLocation = request.userLocation ?? session.userLocation
            session.ratType = request.ratType ?? session.ratType
            modified(session, timeMicros: timeMicros)
        }
    }

    /// An accepted create: a new session (replacing an older one of the same subscriber and bearer), IRI-BEGIN for
    /// each intercept of its subscriber.
    private func open(request: ControlMessage, response: ControlMessage, timeMicros: Int64) {
        let teid = request.controlEndpoints.first?.teid ?? request.sequence
        let cin = teid & 0x7FFF_FFFF == 0 ? 1 : teid & 0x7FFF_FFFF
        let session = MobileSession(
            version: request.version,
            cin: cin,
            request: request,
            response: response,
            timeMicros: timeMicros
        )
        let subscriberBearer = session.imsi.map { SubscriberBearer(imsi: $0, bearer: session.bearerID ?? 0) }
        if let subscriberBearer, let older = bySubscriberBearer[subscriberBearer] {
            close(older, timeMicros: timeMicros)
            statistics.closed += 1
        }
        for endpoint in session.controlEndpoints { byControl[endpoint] = session }
        if let subscriberBearer { bySubscriberBearer[subscriberBearer] = session }
        sessions[ObjectIdentifier(session)] = session
        statistics.opened += 1
        session.parties = intercepts(for: session)
        for index in session.parties { emit(.activation, session: session, intercept: index, timeMicros: timeMicros) }
        if !session.parties.isEmpty {
            intercepted[ObjectIdentifier(session)] = session
            routesChanged = true
        }
    }

    /// A rejected create: IRI-REPORT for each intercept of the subscriber, on the CIN the session would have had.
    private func reject(request: ControlMessage, response: ControlMessage, timeMicros: Int64) {
        statistics.rejected += 1
        let teid = request.controlEndpoints.first?.teid ?? request.sequence
        let cin = teid & 0x7FFF_FFFF == 0 ? 1 : teid & 0x7FFF_FFFF
        let attempt = MobileSession(
            version: request.version,
            cin: cin,
            request: request,
            response: response,
            timeMicros: timeMicros
        )
        for index in intercepts(for: attempt) {
            emit(.rejectedActivation(cause: response.cause), session: attempt, intercept: index, timeMicros: timeMicros)
        }
    }

    /// An accepted modification: IRI-CONTINUE, and new routes when the tunnels may have moved.
    private func modified(_ session: MobileSession, timeMicros: Int64) {
        statistics.modified += 1
        for index in session.parties { emit(.modification, session: session, intercept: index, timeMicros: timeMicros) }
        if !session.parties.isEmpty { routesChanged = true }
    }

    /// Ends a session: IRI-END for its intercepts, its tunnels no longer followed.
    func close(_ session: MobileSession, timeMicros: Int64) {
        for index in session.parties { emit(.deactivation, session: session, intercept: index, timeMicros: timeMicros) }
        if !session.parties.isEmpty { routesChanged = true }
        for endpoint in session.controlEndpoints where byControl[endpoint] === session { byControl[endpoint] = nil }
        if let imsi = session.imsi {
            let key = SubscriberBearer(imsi: imsi, bearer: session.bearerID ?? 0)
            if bySubscriberBearer[key] === session { bySubscriberBearer[key] = nil }
        }
        sessions[ObjectIdentifier(session)] = nil
        intercepted[ObjectIdentifier(session)] = nil
    }
}
