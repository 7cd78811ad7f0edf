import ETSI
import Packets

extension IPSessionTracker {
    /// Emits an IRI for every intercept of the session's user whose window covers the event.
    func emitSessionIRI(
        _ session: IPSession,
        event: IPIRIContents.AccessEventType,
        type: IRIType,
        timeMicros: Int64,
        endReason: IPIRIContents.EndReason? = nil
    ) {
        guard let indexes = plan.interceptsByUsername[session.user] else { return }
        for index in indexes {
            let intercept = plan.intercepts[Int(index)]
            guard intercept.covers(timeMicros) else { continue }
            emit(
                session,
                intercept: intercept,
                event: event,
                type: type,
                timeMicros: timeMicros,
                endReason: endReason
            )
        }
    }

    func emit(
        _ session: IPSession,
        intercept: Intercept,
        event: IPIRIContents.AccessEventType,
        type: IRIType,
        timeMicros: Int64,
        endReason: IPIRIContents.EndReason?
    ) {
        switch type {
        case .begin: session.begun.insert(intercept.index)
        case .end: session.begun.remove(intercept.index)
        default: if event == .endOfInterceptionWithSessionActive { session.begun.remove(intercept.index) }
        }
        guard intercept.deliversIRI else { return }
        var contents = IPIRIContents(
            accessEventType: event,
            targetUsername: session.user,
            internetAccessType: .undefined,
            iPVersion: Self.version(ipv4: session.ipv4, ipv6: session.ipv6)
        )
        if let ipv4 = session.ipv4 {
            contents.targetIPAddress = IRIAddress(bytes: ipv4.bytes, assignment: .dynamic)
            contents.additionalIPAddress = session.ipv6.first.map(Self.iriAddress)
        } else {
            contents.targetIPAddress = session.ipv6.first.map(Self.iriAddress)
        }
        contents.startTime = Timestamp(epochMicros: session.startMicros)
        contents.targetNetworkID = session.callingStationID
        contents.pOPIdentifier = session.nasIdentifier
        contents.pOPIPAddress = session.nasAddress.map { IRIAddress(bytes: $0.bytes, assignment: .notKnown) }
        contents.pOPPortNumber = session.nasPort
        if type == .end || event == .interimUpdate {
            contents.octetsReceived = session.octetsOut
            contents.octetsTransmitted = session.octetsIn
        }
        if type == .end {
            contents.endTime = Timestamp(epochMicros: timeMicros)
            contents.endReason = endReason
        }
        append(intercept, cin: session.cin, timeMicros: timeMicros, type: type, contents: contents)
    }

    /// IRIs about a request that opened no session yet (accessAttempt, accessReject).
    func emitRequestIRI(
        _ request: PendingRequest,
        event: IPIRIContents.AccessEventType,
        type: IRIType,
        timeMicros: Int64
    ) {
        guard let indexes = plan.interceptsByUsername[request.user] else { return }
        for index in indexes {
            let intercept = plan.intercepts[Int(index)]
            guard intercept.deliversIRI, intercept.covers(timeMicros) else { continue }
            var contents = IPIRIContents(
                accessEventType: event,
                targetUsername: request.user,
                internetAccessType: .undefined,
                iPVersion: .iPV4
            )
            contents.targetNetworkID = request.callingStationID
            contents.pOPIdentifier = request.nasIdentifier
            contents.pOPIPAddress = request.nasAddress.map { IRIAddress(bytes: $0.bytes, assignment: .notKnown) }
            contents.pOPPortNumber = request.nasPort
            append(intercept, cin: request.cin, timeMicros: timeMicros, type: type, contents: contents)
        }
    }

    /// IRIs of a static-address warrant's session (its window opening or closing).
    func emitStaticIRI(
        _ intercept: Intercept,
        type: IRIType,
        event: IPIRIContents.AccessEventType,
        at timeMicros: Int64
    ) {
        guard intercept.deliversIRI, let first = intercept.staticPrefixes.first else { return }
        let ipv4 = intercept.staticPrefixes.first(where: { $0.address.isIPv4 })
        let ipv6 = intercept.staticPrefixes.filter { !$0.address.isIPv4 }
        var contents = IPIRIContents(
            accessEventType: event,
            targetUsername: intercept.username ?? first.description,
            internetAccessType: .undefined,
            iPVersion: Self.version(ipv4: ipv4?.address, ipv6: ipv6)
        )
        contents.targetIPAddress = (ipv4 ?? first).flatMapAddress(assignment: .static)
        if ipv4 != nil { contents.additionalIPAddress = ipv6.first?.flatMapAddress(assignment: .static) }
        contents.startTime = Timestamp(epochMicros: timeMicros)
        append(intercept, cin: intercept.staticSessionID, timeMicros: timeMicros, type: type, contents: contents)
    }

    private func append(
        _ intercept: Intercept,
        cin: UInt32,
        timeMicros: Int64,
        type: IRIType,
        contents: IPIRIContents
    ) {
        let payload = IPIRIPayload.encode(profile: intercept.header.profile, type: type, contents: contents)
        iris.append(
            IRIRecord(
                interceptIndex: intercept.index,
                cin: cin,
                kind: .iri(type),
                timeMicros: timeMicros,
                payload: payload
            )
        )
    }

    static func version(ipv4: IPAddress?, ipv6: [IPPrefix]) -> IPIRIContents.IPVersion {
        switch (ipv4 != nil, !ipv6.isEmpty) {
        case (true, true): .iPV4andV6
        case (false, true): .iPV6
        default: .iPV4
        }
    }

    static func iriAddress(_ prefix: IPPrefix) -> IRIAddress {
        prefix.flatMapAddress(assignment: .dynamic)
    }
}

extension IPPrefix {
    /// The prefix as an IRI address: IPv4 as a plain address, IPv6 with its prefix length.
    func flatMapAddress(assignment: IRIAddress.Assignment) -> IRIAddress {
        if address.isIPv4 { return IRIAddress(bytes: address.bytes, assignment: assignment) }
        return IRIAddress(bytes: address.bytes, prefixLength: length, assignment: assignment)
    }
}
