import ETSI
import Packets
import Protocols
import Warrants

/// Follows GTP-C (v1 on Gn/Gp, v2 on S5/S8 or S11) to the known GTP servers, in capture order: every subscriber's
/// sessions, not only targets', so a warrant added for an attached subscriber starts at once. A request is paired
/// with its response by requester, responder and sequence number; an accepted create opens a session, a rejected
/// one is reported, modifications follow the tunnels, a delete (or a newer create for the same IMSI and bearer, or
/// the session timeout) closes it. Intercepted sessions contribute their GTP-U tunnel endpoints and PDN addresses to
/// the shards' match table; their events become EPS (GTPv2) or UMTS (GTPv1) IRIs.
public final class MobileTracker {
    /// A subscriber's bearer: a newer create for it replaces the session.
    struct SubscriberBearer: Hashable {
        var imsi: String
        var bearer: UInt8
    }

    struct PendingKey: Hashable {
        var requester: IPAddress
        var responder: IPAddress
        var sequence: UInt32
    }

    let settings: MobileSettings
    var plan: InterceptPlan
    /// Sessions by both sides' control endpoints.
    var byControl: [TunnelEndpoint: MobileSession] = [:]
    /// Sessions by IMSI and bearer (a newer create replaces the older session).
    var bySubscriberBearer: [SubscriberBearer: MobileSession] = [:]
    /// Every open session, by identity.
    var sessions: [ObjectIdentifier: MobileSession] = [:]
    /// The open sessions some intercept concerns (their routes go into the match table).
    var intercepted: [ObjectIdentifier: MobileSession] = [:]
    var pending: [PendingKey: (message: ControlMessage, timeMicros: Int64)] = [:]
    var iris: [IRIRecord] = []
    var statistics = MobileStatistics()
    var routesChanged = false
    var nextSweepMicros = Int64.min
    /// GTP-C messages taken.
    public internal(set) var messagesTaken = 0
    /// Messages that could not be parsed, by cause (`gtp_truncated`, ...).
    public internal(set) var frameErrors: [String: Int] = [:]

    /// A tracker for a run's first plan.
    public init(plan: InterceptPlan, settings: MobileSettings) {
        self.plan = plan
        self.settings = settings
    }

    /// Takes one GTP-C datagram.
    func take(_ frame: SessionFrame) {
        guard frame.packet.transportProtocol == 17 else { return }
        messagesTaken += 1
        let message: ControlMessage
        do {
            message = try ControlMessage.parse(frame.payload)
        } catch {
            frameErrors["gtp_\(error.description)", default: 0] += 1
            return
        }
        statistics.messages[Self.typeName(message), default: 0] += 1
        guard message.procedure != nil else { return }
        let source = frame.packet.source
        let destination = frame.packet.destination
        if message.isRequest {
            pending[PendingKey(requester: source, responder: destination, sequence: message.sequence)] =
                (message, frame.timeMicros)
            return
        }
        let key = PendingKey(requester: destination, responder: source, sequence: message.sequence)
        guard let request = pending.removeValue(forKey: key) else {
            statistics.unmatchedResponses += 1
            return
        }
        complete(request.message, response: message, responder: source, timeMicros: frame.timeMicros)
    }

    /// The intercepts (active) whose warrants name one of the session's identities.
    func intercepts(for session: MobileSession) -> [Int32] {
        if plan.interceptsByMobileIdentity.isEmpty { return [] }
        var found: [Int32] = []
        let identityKeys = session.identityKeys
        for key in identityKeys {
            for index in plan.interceptsByMobileIdentity[key] ?? [] where !found.contains(index) { found.append(index) }
        }
        return found
    }

    /// Ends sessions silent for the session timeout and drops requests unanswered for the request timeout.
    func sweep(to timeMicros: Int64) {
        let silent = sessions.values.filter { timeMicros - $0.lastMicros >= settings.sessionTimeoutMicros }
        for session in silent {
            close(session, timeMicros: timeMicros)
            statistics.expired += 1
        }
        let before = pending.count
        pending = pending.filter { timeMicros - $0.value.timeMicros < settings.unansweredRequestMicros }
        statistics.unansweredRequests += before - pending.count
    }

    private static func typeName(_ message: ControlMessage) -> String {
        let suffix = message.isRequest ? "_request" : "_response"
        switch message.procedure {
        case .create: return (message.version == 2 ? "create_session" : "create_pdp_context") + suffix
        case .modify: return (message.version == 2 ? "modify_bearer" : "update_pdp_context") + suffix
        case .delete: return (message.version == 2 ? "delete_session" : "delete_pdp_context") + suffix
        case .createBearer: return "create_bearer" + suffix
        case .updateBearer: return "update_bearer" + suffix
        case .deleteBearer: return "delete_bearer" + suffix
        case nil: return "v\(message.version)_other"
        }
    }
}
