import ETSI
import Packets
import Protocols

extension MobileTracker {
    /// What happened to a session, as its IRIs report it.
    enum EventKind {
        /// An accepted create (IRI-BEGIN).
        case activation
        /// A warrant now names an attached subscriber (IRI-BEGIN, start of interception with the bearer or
        /// context active).
        case startWithActive
        /// An accepted modification (IRI-CONTINUE).
        case modification
        /// A delete, a replacement or the timeout (IRI-END).
        case deactivation
        /// A rejected create (IRI-REPORT), with the network's cause.
        case rejectedActivation(cause: UInt8?)
    }

    /// One EPS (GTPv2) or UMTS (GTPv1) IRI for an intercept, when its warrant delivers IRIs and is in force.
    func emit(_ kind: EventKind, session: MobileSession, intercept index: Int32, timeMicros: Int64) {
        let intercept = plan.intercepts[Int(index)]
        guard intercept.deliversIRI, intercept.covers(timeMicros) else { return }
        let type: IRIType
        switch kind {
        case .activation, .startWithActive: type = .begin
        case .modification: type = .continue
        case .deactivation: type = .end
        case .rejectedActivation: type = .report
        }
        var party = MobileParty(imsi: session.imsi, msisdn: session.msisdn, imei: session.imei, apn: session.apn)
        if let ipv4 = session.pdn.ipv4, !session.pdn.isEmpty {
            party.pdpAddress = IRIAddress(bytes: ipv4.bytes, assignment: .dynamic)
        }
        if let ipv6 = session.pdn.ipv6, !session.pdn.isEmpty {
            let address = IRIAddress(bytes: ipv6.bytes, assignment: .dynamic)
            if party.pdpAddress == nil { party.pdpAddress = address } else { party.additionalPDPAddress = address }
        }
        party.pdpType =
            session.pdn.ipv4 != nil && session.pdn.ipv6 != nil ? .ipv4v6 : session.pdn.ipv6 != nil ? .ipv6 : .ipv4
        let gateway = session.gatewayAddress.map { IRIAddress(bytes: $0.bytes, assignment: .notKnown) }
        let access = session.accessAddress.map { IRIAddress(bytes: $0.bytes, assignment: .notKnown) }
        let time = Timestamp(epochMicros: timeMicros)
        let payload: [UInt8]
        if session.version == 2 {
            payload = EPSIRIPayload.encode(
                profile: intercept.header.profile,
                type: type,
                contents: epsContents(kind, session: session, party: party, gateway: gateway, access: access),
                liid: intercept.liid,
                time: time
            )
        } else {
            party.nsapi = session.bearerID
            var contents = UMTSIRIContents(event: umtsEvent(kind), correlationNumber: session.cin, party: party)
            contents.initiator = .originatingTarget
            contents.location = Self.umtsLocation(session.userLocation)
            contents.ggsnAddress = gateway
            contents.sgsnAddress = access
            if case .rejectedActivation(let cause) = kind { contents.operationErrorCode = cause.map { [$0] } }
            payload = UMTSIRIPayload.encode(
                profile: intercept.header.profile,
                type: type,
                contents: contents,
                liid: intercept.liid,
                time: time
            )
        }
        iris.append(
            IRIRecord(
                interceptIndex: index,
                cin: session.cin,
                kind: .iri(type),
                timeMicros: timeMicros,
                payload: payload
            )
        )
    }

    private func epsContents(
        _ kind: EventKind,
        session: MobileSession,
        party: MobileParty,
        gateway: IRIAddress?,
        access: IRIAddress?
    ) -> EPSIRIContents {
        let event: EPSIRIContents.Event
        switch kind {
        case .activation, .rejectedActivation: event = .bearerActivation
        case .startWithActive: event = .startOfInterceptionWithActiveBearer
        case .modification: event = .bearerModification
        case .deactivation: event = .bearerDeactivation
        }
        var parameters = EPSGTPv2Parameters()
        parameters.apn = session.apn
        parameters.bearerIdentity = session.bearerID
        parameters.ratType = session.ratType
        parameters.userLocationInfo = session.userLocation
        parameters.apnAMBR = session.apnAMBR
        if case .rejectedActivation(let cause) = kind { parameters.failedBearerActivationReason = cause }
        var contents = EPSIRIContents(event: event, correlationNumber: session.cin, party: party, gtpv2: parameters)
        contents.initiator = .originatingTarget
        contents.ggsnAddress = gateway
        contents.sgsnAddress = access
        return contents
    }

    /// The target's location from a GTPv1 User Location Information element (TS 29.060 7.7.51): a geographic
    /// location type (0 CGI, 1 SAI, 2 RAI) and its 7 octets.
    static func umtsLocation(_ element: [UInt8]?) -> MobileLocation? {
        guard let element, element.count >= 8 else { return nil }
        let value = Array(element[1..<8])
        switch element[0] {
        case 0: return MobileLocation(globalCellID: value)
        case 1: return MobileLocation(sai: value)
        case 2: return MobileLocation(rai: Array(value[0..<6]))
        default: return nil
        }
    }

    private func umtsEvent(_ kind: EventKind) -> UMTSIRIContents.Event {
        switch kind {
        case .activation, .rejectedActivation: .pdpContextActivation
        case .startWithActive: .startOfInterceptionWithPDPContextActive
        case .modification: .pdpContextModification
        case .deactivation: .pdpContextDeactivation
        }
    }
}
