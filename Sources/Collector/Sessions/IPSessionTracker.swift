import ETSI
import Packets
import Protocols

/// Follows every subscriber's RADIUS sessions and turns a target's session events into IPIRI records.
///
/// The RADIUS conformer of ``SessionTracker``: confined to the session-sync actor, which applies RADIUS in capture
/// order between the batches it hands to the shards, so interception starts at exactly the packet after the one
/// that opened a session. After a change that concerns a target it contributes new routes to the shards' table.
public final class IPSessionTracker {
    struct RequestKey: Hashable {
        var client: IPAddress
        var port: UInt16
        var identifier: UInt8
    }

    struct PendingRequest {
        var user: String
        var cin: UInt32
        var timeMicros: Int64
        var nasAddress: IPAddress?
        var nasIdentifier: String?
        var nasPort: UInt32?
        var callingStationID: String?
    }

    struct AccountingKey: Hashable {
        var nas: IPAddress
        var sessionID: String
    }

    var plan: InterceptPlan
    let idleTimeoutMicros: Int64
    let maxPendingRequests = 65_536
    let requestTimeoutMicros: Int64 = 60_000_000
    var pending: [RequestKey: PendingRequest] = [:]
    var byAccounting: [AccountingKey: IPSession] = [:]
    var byAddress: [IPPrefix: IPSession] = [:]
    var targetSessions: [ObjectIdentifier: IPSession] = [:]
    var staticBegun: Set<Int32> = []
    var lastTimeMicros: Int64?
    var nextSweepMicros = Int64.min
    var nextEventMicros = Int64.min
    var iris: [IRIRecord] = []

    /// Whether the match table must be rebuilt (a target's session or a warrant window changed).
    public internal(set) var tableChanged = true
    /// Counters for the summary.
    public internal(set) var statistics = SessionStatistics()
    /// RADIUS datagrams taken (parsed or not).
    public internal(set) var messagesTaken = 0
    /// RADIUS datagrams that could not be parsed, by cause.
    public internal(set) var frameErrors: [String: Int] = [:]

    /// Creates a tracker for a run's warrants. Sessions with no accounting for `idleTimeoutMicros` are ended.
    public init(plan: InterceptPlan, idleTimeoutMicros: Int64) {
        self.plan = plan
        self.idleTimeoutMicros = idleTimeoutMicros
    }

    /// Applies one RADIUS message. `client` is the NAS side of the exchange (the request's source, the response's
    /// destination).
    public func handle(_ message: RADIUSMessage, client: IPAddress, clientPort: UInt16, timeMicros: Int64) {
        advance(to: timeMicros)
        switch message.code {
        case .accessRequest:
            accessRequest(
                message,
                key: RequestKey(client: client, port: clientPort, identifier: message.identifier),
                timeMicros: timeMicros
            )
        case .accessAccept, .accessReject:
            let key = RequestKey(client: client, port: clientPort, identifier: message.identifier)
            guard let request = pending.removeValue(forKey: key) else {
                statistics.unpairedResponses += 1
                return
            }
            if message.code == .accessAccept {
                accessAccept(message, request: request, timeMicros: timeMicros)
            } else {
                emitRequestIRI(request, event: .accessReject, type: .report, timeMicros: timeMicros)
            }
        case .accountingRequest:
            accounting(message, nas: message.nasIPAddress ?? client, timeMicros: timeMicros)
        default:
            return
        }
    }

    private func accessRequest(_ message: RADIUSMessage, key: RequestKey, timeMicros: Int64) {
        guard let user = message.userName else { return }
        if pending.count >= maxPendingRequests { dropStaleRequests(now: timeMicros) }
        let identity = message.acctSessionID ?? "\(user)|\(key.client)|\(message.authenticator)"
        let request = PendingRequest(
            user: user,
            cin: CommunicationIdentity.cin(for: identity),
            timeMicros: timeMicros,
            nasAddress: message.nasIPAddress ?? key.client,
            nasIdentifier: message.nasIdentifier,
            nasPort: message.nasPort,
            callingStationID: message.callingStationID
        )
        pending[key] = request
        emitRequestIRI(request, event: .accessAttempt, type: .report, timeMicros: timeMicros)
    }

    private func accessAccept(_ message: RADIUSMessage, request: PendingRequest, timeMicros: Int64) {
        let addresses = Self.addresses(of: message)
        guard addresses.ipv4 != nil || !addresses.ipv6.isEmpty else { return }
        let session = IPSession(user: request.user, cin: request.cin, startMicros: timeMicros)
        session.nasAddress = request.nasAddress
        session.nasIdentifier = request.nasIdentifier
        session.nasPort = request.nasPort
        session.callingStationID = request.callingStationID
        session.ipv4 = addresses.ipv4
        session.ipv6 = addresses.ipv6
        open(session, event: .accessAccept, timeMicros: timeMicros)
    }

    private func accounting(_ message: RADIUSMessage, nas: IPAddress, timeMicros: Int64) {
        guard let status = message.acctStatusType else { return }
        if status == .accountingOn || status == .accountingOff {
            endSessions(ofNAS: nas, timeMicros: timeMicros)
            return
        }
        guard let sessionID = message.acctSessionID else {
            statistics.unknownSessions += 1
            return
        }
        let key = AccountingKey(nas: nas, sessionID: sessionID)
        if let session = byAccounting[key] {
            update(session, from: message, timeMicros: timeMicros)
            switch status {
            case .interimUpdate: emitSessionIRI(session, event: .interimUpdate, type: .continue, timeMicros: timeMicros)
            case .stop:
                statistics.stopped += 1
                close(session, reason: Self.endReason(message.acctTerminateCause), timeMicros: timeMicros)
            default: return
            }
            return
        }
        if status == .stop {
            statistics.unknownSessions += 1
            return
        }
        let addresses = Self.addresses(of: message)
        if status == .start, let joined = acceptedSession(user: message.userName, addresses: addresses) {
            joined.acctSessionID = sessionID
            byAccounting[key] = joined
            update(joined, from: message, timeMicros: timeMicros)
            return
        }
        guard let user = message.userName, addresses.ipv4 != nil || !addresses.ipv6.isEmpty else {
            statistics.unknownSessions += 1
            return
        }
        let session = IPSession(user: user, cin: CommunicationIdentity.cin(for: sessionID), startMicros: timeMicros)
        session.acctSessionID = sessionID
        session.ipv4 = addresses.ipv4
        session.ipv6 = addresses.ipv6
        session.nasAddress = nas
        update(session, from: message, timeMicros: timeMicros)
        byAccounting[key] = session
        open(
            session,
            event: status == .start ? .accessAccept : .startOfInterceptionWithSessionActive,
            timeMicros: timeMicros
        )
    }

    /// A session opened by an Access-Accept that is still waiting for its Accounting Start.
    private func acceptedSession(user: String?, addresses: (ipv4: IPAddress?, ipv6: [IPPrefix])) -> IPSession? {
        let first = addresses.ipv4.map { IPPrefix(address: $0, length: 32) } ?? addresses.ipv6.first
        guard let first, let session = byAddress[first], session.acctSessionID == nil else { return nil }
        if let user, user != session.user { return nil }
        return session
    }

    private func update(_ session: IPSession, from message: RADIUSMessage, timeMicros: Int64) {
        session.lastSeenMicros = timeMicros
        if let value = message.acctInputOctets { session.octetsIn = value }
        if let value = message.acctOutputOctets { session.octetsOut = value }
        if let value = message.nasIdentifier { session.nasIdentifier = value }
        if let value = message.nasPort { session.nasPort = value }
        if let value = message.callingStationID { session.callingStationID = value }
    }

    static func addresses(of message: RADIUSMessage) -> (ipv4: IPAddress?, ipv6: [IPPrefix]) {
        var ipv6: [IPPrefix] = []
        if let address = message.framedIPv6Address { ipv6.append(IPPrefix(address: address, length: 128)) }
        if let prefix = message.framedIPv6Prefix { ipv6.append(prefix) }
        if let prefix = message.delegatedIPv6Prefix { ipv6.append(prefix) }
        let ipv4 = message.framedIPAddress.flatMap { $0.isIPv4 && $0.v4Value != 0 ? $0 : nil }
        return (ipv4, ipv6)
    }

    static func endReason(_ cause: UInt32?) -> IPIRIContents.EndReason {
        switch cause {
        case 1: .regularLogoff
        case 2, 3, 8, 9: .connectionLoss
        case 4, 5: .connectionTimeout
        default: .undefined
        }
    }

    private func dropStaleRequests(now: Int64) {
        pending = pending.filter { now - $0.value.timeMicros < requestTimeoutMicros }
        if pending.count >= maxPendingRequests { pending.removeAll(keepingCapacity: true) }
    }
}
