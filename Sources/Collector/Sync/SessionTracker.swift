import Packets
import Warrants

/// One frame of a session protocol (a datagram or TCP segment to or from a known server), as session sync hands it
/// to the tracker of the server's kind.
public struct SessionFrame {
    /// The packet's decoded headers; their offsets are relative to `bytes`.
    public var packet: DecodedPacket
    /// The captured frame, or the IPv4 datagram reassembled from fragments.
    public var bytes: UnsafeRawBufferPointer
    /// Capture time, µs since the epoch.
    public var timeMicros: Int64
    /// The known server the packet goes to or comes from.
    public var server: ServerEndpoint
    /// Whether the packet goes to the server (false: it comes from it).
    public var toServer: Bool

    /// The UDP datagram's or TCP segment's payload.
    public var payload: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)])
    }

    /// The TCP segment from its header on, and where its payload starts within it; nil for UDP.
    public var tcpSegment: (segment: UnsafeRawBufferPointer, payloadOffset: Int)? {
        let end = packet.ipOffset + packet.ipLength
        guard packet.transportProtocol == 6, packet.transportOffset < end else { return nil }
        return (
            UnsafeRawBufferPointer(rebasing: bytes[packet.transportOffset..<end]),
            packet.payloadOffset - packet.transportOffset
        )
    }
}

/// A follower of one family of session protocols behind the session-sync actor, as OpenLI's access plugins are:
/// it turns the traffic of its kinds of known server into the sessions of targets, the IRIs of those sessions, and
/// the routes that the shards match the targets' traffic with.
///
/// A tracker is confined to the session-sync actor, which calls it in capture order: frames between the batches it
/// hands to the shards, so interception starts at exactly the packet after the one that opened a session. HI1
/// notifications are not a tracker's: the sync actor emits them for every kind of warrant.
public protocol SessionTracker: AnyObject {
    /// The kinds of known server whose frames this tracker takes.
    var serverKinds: Set<ServerKind> { get }
    /// Takes one frame to or from a server of its kinds.
    func handle(_ frame: SessionFrame)
    /// Moves the tracker's clock to a capture time: sessions time out, warrant windows open and close.
    func advance(to timeMicros: Int64)
    /// The capture time before which ``advance(to:)`` has nothing to do (so session sync need not call it).
    var nextClockEventMicros: Int64 { get }
    /// Takes the warrants as the store has them now, at capture time `timeMicros`.
    func apply(_ plan: InterceptPlan, at timeMicros: Int64)
    /// Moves the IRIs produced since the last call to `records`.
    func takeIRIs(into records: inout [IRIRecord])
    /// Whether its part of the shards' match table changed since it last contributed.
    var matchTableChanged: Bool { get }
    /// Adds its routes (target addresses and prefixes, media flows, ...) to a table being built, and clears
    /// ``matchTableChanged``.
    func contribute(to routes: inout MatchRoutes)
    /// Shows how many of its sessions (or calls) are open now in the run's live counters.
    func publishOpenSessions(to counters: PipelineCounters)
    /// Messages of its protocols taken (parsed or not).
    var messagesTaken: Int { get }
    /// Messages of its protocols that could not be parsed, by cause (named with the protocol, e.g. "radius_...").
    var frameErrors: [String: Int] { get }
    /// Puts its counters in the run's report.
    func addStatistics(to report: inout SyncReport)
}

/// What session sync counted in a run: its frames, and each tracker's own counters.
public struct SyncReport: Sendable {
    /// Session-protocol frames and errors, reassembled fragments.
    public var capture: CaptureStatistics
    /// The RADIUS tracker's session counters.
    public var sessions = SessionStatistics()
    /// The SIP tracker's call counters.
    public var calls = VoIPStatistics()
    /// The mail tracker's session counters.
    public var email = EmailStatistics()
    /// The GTP tracker's session counters.
    public var mobile = MobileStatistics()
}
