/// A router vendor whose mirror shim the appliance unwraps: the header its routers put in front of each mirrored
/// packet, sent as a UDP datagram to a collector.
public enum MirrorVendor: String, Sendable, CaseIterable {
    /// Juniper JMirror: an 8-byte header (intercept id in the low 30 bits, session id), then the IP packet.
    case jmirror
    /// Nokia (Alcatel-Lucent) LI shim: intercept id, direction when MHV is set, session id; then an Ethernet frame.
    case alu
    /// Cisco LI mirror: a 4-byte intercept id (all 32 bits), then the IP packet.
    case cisco

    /// The largest intercept id the vendor's header can carry.
    public var maximumInterceptID: UInt32 {
        switch self {
        case .jmirror, .alu: 0x3FFF_FFFF
        case .cisco: .max
        }
    }

    /// The kind of known server (the address and port mirrored datagrams are sent to) of the vendor's streams.
    public var serverKind: ServerKind {
        switch self {
        case .jmirror: .jmirror
        case .alu: .aluMirror
        case .cisco: .ciscoMirror
        }
    }
}

/// The mirror part of an IP warrant: the intercept id a router puts in the shim of the target's mirrored packets.
public struct MirrorTarget: Sendable, Equatable, Hashable {
    /// The intercept id configured on the router (JMirror and ALU: up to 2^30-1; Cisco: any 32-bit value).
    public var interceptID: UInt32
    /// The vendor whose shim carries the id; nil matches the id in every vendor's shim.
    public var vendor: MirrorVendor?

    /// Creates a mirror target.
    public init(interceptID: UInt32, vendor: MirrorVendor? = nil) {
        self.interceptID = interceptID
        self.vendor = vendor
    }
}
