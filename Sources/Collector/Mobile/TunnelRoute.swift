import ETSI
import Packets
import Protocols

/// Where a G-PDU sent to a tunnel endpoint goes: which intercept and session, in which direction for the target, as
/// which kind of CC (EPS for GTPv2 sessions, UMTS for GTPv1 ones).
public struct TunnelRoute: Sendable, Equatable {
    /// Index of the intercept in the run's `InterceptPlan`.
    public var interceptIndex: Int32
    /// The session's communication identity number (also the CC's correlation number).
    public var cin: UInt32
    /// The warrant's window, µs since the epoch (start inclusive, end exclusive).
    public var startMicros: Int64
    /// The end of the window.
    public var endMicros: Int64
    /// The object identifiers the intercept's agency wants.
    public var profile: ETSIProfile
    /// fromTarget for the uplink endpoint (the network side's), toTarget for the downlink one.
    public var direction: PayloadDirection
    /// The kind of CC.
    public var format: MobileCCPayload.Format
    /// The warrant's LIID (the ULIC header carries it).
    public var liid: String

    /// Whether a packet captured at `timeMicros` falls in the warrant's window.
    public func covers(_ timeMicros: Int64) -> Bool {
        timeMicros >= startMicros && timeMicros < endMicros
    }
}

extension TunnelEndpoint: ProbeKey {
    /// A mix of the address and the TEID.
    public var probeHash: UInt64 {
        probeMix(address.low ^ (address.high &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(teid) &* 0xC2B2_AE3D_27D4_EB4F))
    }
}
