import ETSI
import Packets
import Protocols

/// Follows the calls of VoIP targets through SIP to and from the known SIP servers, turns each SIP message of an
/// intercepted call into an IPMMIRI, and gives the shards the calls' media flows.
///
/// The SIP conformer of ``SessionTracker``, confined to the session-sync actor like the RADIUS one: SIP is applied
/// in capture order between the batches handed to the shards, so media is matched from the packet after the SDP
/// that announced it. Only calls
/// with a target are kept (by Call-ID); a leg with no target of its own joins an intercepted call when its INVITE
/// carries the same SDP `o=` line or Session-ID (a forwarded call, a B2BUA). A call ends at the 200 to BYE or
/// CANCEL, at a final failure of its INVITE, or after the idle timeout without SIP or media.
public final class VoIPCallTracker {
    /// A REGISTER or MESSAGE transaction of a target, kept to report its responses.
    struct Report {
        var matches: [SIPTargetMatcher.Match]
        var cin: UInt32
        var lastMicros: Int64
    }

    var plan: InterceptPlan
    let settings: VoIPSettings
    let matcher: SIPTargetMatcher
    /// Intercepted calls by the Call-ID of each of their legs.
    var calls: [String: VoIPCall] = [:]
    /// Intercepted calls by the `o=` key of their legs' offers.
    var byOrigin: [String: VoIPCall] = [:]
    /// Intercepted calls by Session-ID.
    var bySessionID: [String: VoIPCall] = [:]
    /// Call-IDs of calls that ended recently, with when they may be forgotten.
    var ended: [String: Int64] = [:]
    var reports: [String: Report] = [:]
    var iris: [IRIRecord] = []
    var nextSweepMicros = Int64.min
    /// How long an ended call's Call-ID and a reported transaction are remembered (SIP's 64*T1, rounded up).
    let lingerMicros: Int64 = 64_000_000

    /// Whether the media flows changed since the last ``mediaRoutes()``.
    public internal(set) var mediaChanged = false
    /// Counters for the summary.
    public internal(set) var statistics = VoIPStatistics()
    /// SIP over TCP, reassembled per connection direction.
    var tcpStreams = SIPTCPStreams()
    /// SIP messages taken (parsed or not; keep-alives are not messages).
    public internal(set) var messagesTaken = 0
    /// SIP messages (or TCP streams) that could not be parsed, by cause.
    public internal(set) var frameErrors: [String: Int] = [:]

    /// Creates a tracker for a run's warrants.
    public init(plan: InterceptPlan, settings: VoIPSettings) {
        self.plan = plan
        self.settings = settings
        matcher = SIPTargetMatcher(headers: settings.identityHeaders)
    }

    /// Applies one SIP message. `raw` is the whole message as sent; the addresses are those of its IP packet.
    public func handle(
        _ message: SIPMessage,
        raw: UnsafeRawBufferPointer,
        source: IPAddress,
        destination: IPAddress,
        timeMicros: Int64
    ) {
        statistics.sipMessages += 1
        advance(to: timeMicros)
        guard let callID = message.callID else { return }
        let packet = SIPPacket(raw: raw, source: source, destination: destination, timeMicros: timeMicros)
        if let call = calls[callID] {
            inDialog(message, call: call, callID: callID, packet: packet)
        } else if ended[callID] != nil {
            statistics.afterEnd += 1
        } else if message.method == "INVITE", message.to?.tag == nil {
            initialInvite(message, callID: callID, packet: packet)
        } else {
            report(message, callID: callID, packet: packet)
        }
    }

    /// Ends calls idle for longer than the timeout and forgets old transactions (at most once a second).
    public func advance(to timeMicros: Int64) {
        guard timeMicros >= nextSweepMicros else { return }
        nextSweepMicros = timeMicros + 1_000_000
        ended = ended.filter { $0.value > timeMicros }
        reports = reports.filter { timeMicros - $0.value.lastMicros < lingerMicros }
        let timeout = settings.callIdleTimeoutMicros
        guard timeout > 0 else { return }
        for call in openCalls where timeMicros - call.lastActiveMicros > timeout {
            statistics.callsExpired += 1
            finish(call, at: timeMicros)
        }
    }

    /// Takes the warrants as the store has them now: calls keep only the intercepts still active, and a call with
    /// none left is dropped. New and changed warrants apply from the next call.
    public func apply(_ newPlan: InterceptPlan, at timeMicros: Int64) {
        plan = newPlan
        for call in openCalls {
            call.parties.removeAll { !newPlan.intercepts[Int($0.interceptIndex)].active }
            if call.parties.isEmpty {
                statistics.callsWithdrawn += 1
                finish(call, at: timeMicros)
            }
        }
        mediaChanged = true
    }

    /// Every intercepted call in progress, each once.
    var openCalls: [VoIPCall] {
        var seen = Set<ObjectIdentifier>()
        return calls.values.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Forgets a call: its legs' Call-IDs are remembered as ended for a while, its media stops being matched.
    func finish(_ call: VoIPCall, at timeMicros: Int64) {
        for callID in call.legs.keys {
            calls[callID] = nil
            ended[callID] = timeMicros + lingerMicros
        }
        for origin in call.origins where byOrigin[origin] === call { byOrigin[origin] = nil }
        for sessionID in call.sessionIDs where bySessionID[sessionID] === call { bySessionID[sessionID] = nil }
        statistics.open = openCalls.count
        mediaChanged = true
    }
}

/// A SIP message's bytes and the addresses and time of the packet that carried it.
struct SIPPacket {
    var raw: UnsafeRawBufferPointer
    var source: IPAddress
    var destination: IPAddress
    var timeMicros: Int64
}
