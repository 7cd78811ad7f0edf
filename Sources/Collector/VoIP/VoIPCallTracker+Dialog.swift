import ETSI
import Packets
import Protocols

extension VoIPCallTracker {
    /// An INVITE that starts a dialog: a new intercepted call when a target takes part, a new leg of an intercepted
    /// call when its offer's `o=` line or its Session-ID is that call's, otherwise nothing.
    func initialInvite(_ message: SIPMessage, callID: String, packet: SIPPacket) {
        let matches = matcher.matches(message, plan: plan)
        let session = Self.session(of: message)
        let origin = session.map { Self.originKey($0.origin) }
        let sessionID = message.sessionID
        var joined = origin.flatMap { byOrigin[$0] }
        if joined == nil, let sessionID { joined = bySessionID[sessionID] }
        guard joined != nil || !matches.isEmpty else { return }
        let call: VoIPCall
        if let joined {
            call = joined
            statistics.legsJoined += 1
        } else {
            call = VoIPCall(cin: CommunicationIdentity.cin(for: callID), timeMicros: packet.timeMicros)
            statistics.callsIntercepted += 1
        }
        for match in matches { call.add(interceptIndex: match.interceptIndex, targetIsCaller: match.targetSent) }
        call.legs[callID] = CallLeg(callerTag: message.from?.tag, inviteCSeq: message.cseq?.number ?? 0)
        calls[callID] = call
        if let origin {
            call.origins.insert(origin)
            byOrigin[origin] = call
        }
        if let sessionID {
            call.sessionIDs.insert(sessionID)
            bySessionID[sessionID] = call
        }
        statistics.open = openCalls.count
        inDialog(message, call: call, callID: callID, packet: packet)
    }

    /// A message of an intercepted call's leg: follows the leg's state and media, and reports the message.
    func inDialog(_ message: SIPMessage, call: VoIPCall, callID: String, packet: SIPPacket) {
        guard var leg = call.legs[callID] else { return }
        call.lastSignalMicros = packet.timeMicros
        let isRequest = message.method != nil
        let fromTag = message.from?.tag
        let callerSent = isRequest ? fromTag == leg.callerTag : fromTag != leg.callerTag
        for match in matcher.matches(message, plan: plan) {
            call.add(interceptIndex: match.interceptIndex, targetIsCaller: match.targetSent == callerSent)
        }
        let cseq = message.cseq
        var legEnds = false
        if let code = message.statusCode, let cseq {
            if cseq.method == "INVITE" && cseq.number == leg.inviteCSeq {
                if (200..<300).contains(code) { leg.confirmed = true }
                if code >= 300 && code != 401 && code != 407 && !leg.confirmed { legEnds = true }
            }
            if (cseq.method == "BYE" || cseq.method == "CANCEL") && (200..<300).contains(code) { legEnds = true }
        } else if message.method == "INVITE", message.to?.tag == nil, let cseq, cseq.number > leg.inviteCSeq {
            leg.inviteCSeq = cseq.number
        }
        if let session = Self.session(of: message) {
            let nat = natAddress(of: session, sender: packet.source)
            if leg.media.take(session, fromCaller: callerSent, natAddress: nat) { mediaChanged = true }
        }
        if legEnds {
            leg.ended = true
            mediaChanged = true
        }
        call.legs[callID] = leg
        let over = legEnds && call.isOver
        emit(call, packet: packet, ending: over)
        if over {
            statistics.callsEnded += 1
            finish(call, at: packet.timeMicros)
        }
    }

    /// REGISTER and MESSAGE requests of a target and the responses to them: one IRI-REPORT each.
    func report(_ message: SIPMessage, callID: String, packet: SIPPacket) {
        let method = message.method ?? message.cseq?.method
        guard method == "REGISTER" || method == "MESSAGE" else { return }
        var matches = matcher.matches(message, plan: plan)
        if message.method == nil, let known = reports[callID] {
            matches = known.matches
        }
        guard !matches.isEmpty else { return }
        let cin = reports[callID]?.cin ?? CommunicationIdentity.cin(for: callID)
        reports[callID] = Report(matches: matches, cin: cin, lastMicros: packet.timeMicros)
        statistics.reports += 1
        for match in matches {
            let intercept = plan.intercepts[Int(match.interceptIndex)]
            guard intercept.deliversIRI, intercept.covers(packet.timeMicros) else { continue }
            append(intercept, cin: cin, type: .report, packet: packet)
        }
    }

    /// One IPMMIRI per intercept on the call: IRI-BEGIN for an intercept's first, IRI-END when the call is over.
    func emit(_ call: VoIPCall, packet: SIPPacket, ending: Bool) {
        for position in call.parties.indices {
            let intercept = plan.intercepts[Int(call.parties[position].interceptIndex)]
            guard intercept.covers(packet.timeMicros) else { continue }
            let type: IRIType = !call.parties[position].begun ? .begin : ending ? .end : .continue
            call.parties[position].begun = true
            if intercept.deliversIRI { append(intercept, cin: call.cin, type: type, packet: packet) }
        }
    }

    private func append(_ intercept: Intercept, cin: UInt32, type: IRIType, packet: SIPPacket) {
        guard
            let payload = IPMMIRIPayload.encode(
                profile: intercept.header.profile,
                type: type,
                sipMessage: packet.raw,
                source: IRIAddress(bytes: packet.source.bytes, assignment: .notKnown),
                destination: IRIAddress(bytes: packet.destination.bytes, assignment: .notKnown)
            )
        else { return }
        iris.append(
            IRIRecord(
                interceptIndex: intercept.index,
                cin: cin,
                kind: .iri(type),
                timeMicros: packet.timeMicros,
                payload: payload
            )
        )
    }

    /// The message's session description, when it has one that parses.
    static func session(of message: SIPMessage) -> SDPSession? {
        guard let body = message.sdpBody else { return nil }
        return body.withUnsafeBytes { bytes in try? SDPParser.parse(bytes) }
    }

    /// The `o=` line without its version: what stays the same across the legs of a forwarded call.
    static func originKey(_ origin: SDPOrigin) -> String {
        "\(origin.username) \(origin.sessionID) \(origin.addressType) \(origin.address)"
    }

    /// With NAT handling on: the address the SIP came from, when the SDP offers a private address and the SIP came
    /// from a public one (a client behind NAT).
    private func natAddress(of session: SDPSession, sender: IPAddress) -> IPAddress? {
        guard settings.natMedia, !sender.isPrivateUse else { return nil }
        let offersPrivate = session.media.contains { $0.connectionAddress?.isPrivateUse ?? false }
        return offersPrivate ? sender : nil
    }
}
