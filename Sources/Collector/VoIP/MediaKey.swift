import ETSI
import Packets
import Synchronization

/// A media flow as the shards look it up: one UDP datagram's 4-tuple. The VoIP tracker enters both orientations
/// of each RTP and RTCP flow it learned from SDP, so a shard finds a packet's flow with one probe.
public typealias MediaKey = FlowKey

/// When a call's media was last seen: written by the shards (relaxed atomic store, only for intercepted packets),
/// read by the VoIP tracker when it looks for idle calls. It is not a lock and orders nothing.
public final class CallActivity: Sendable {
    private let lastMicros: Atomic<Int64>

    /// Creates a record of activity at `timeMicros`.
    public init(timeMicros: Int64) {
        lastMicros = Atomic(timeMicros)
    }

    /// Notes media at `timeMicros`.
    public func touch(_ timeMicros: Int64) {
        lastMicros.store(timeMicros, ordering: .relaxed)
    }

    /// The capture time of the latest media noted.
    public var lastTimeMicros: Int64 {
        lastMicros.load(ordering: .relaxed)
    }
}

/// Where an intercepted call's media datagram goes: which intercept and call, in which direction for that target.
public struct MediaRoute: Sendable {
    /// Index of the intercept in the run's `InterceptPlan`.
    public var interceptIndex: Int32
    /// The call's communication identity number.
    public var cin: UInt32
    /// The warrant's window, µs since the epoch (start inclusive, end exclusive).
    public var startMicros: Int64
    /// The end of the window.
    public var endMicros: Int64
    /// The object identifiers the intercept's agency wants.
    public var profile: ETSIProfile
    /// fromTarget when the datagram's sender is the target's side of the call, else toTarget.
    public var direction: PayloadDirection
    /// The call's media clock, touched by each intercepted datagram.
    public var activity: CallActivity

    /// Creates a route.
    public init(
        interceptIndex: Int32,
        cin: UInt32,
        startMicros: Int64,
        endMicros: Int64,
        profile: ETSIProfile,
        direction: PayloadDirection,
        activity: CallActivity
    ) {
        self.interceptIndex = interceptIndex
        self.cin = cin
        self.startMicros = startMicros
        self.endMicros = endMicros
        self.profile = profile
        self.direction = direction
        self.activity = activity
    }

    /// Whether a datagram captured at `timeMicros` falls in the warrant's window.
    public func covers(_ timeMicros: Int64) -> Bool {
        timeMicros >= startMicros && timeMicros < endMicros
    }
}
