import ETSI
import Packets
import Warrants

/// What a mirrored packet's routes are found by: the shim format it came in and the intercept id in that shim.
public struct MirrorKey: Hashable, Sendable {
    /// The shim format.
    public var format: MirrorShimFormat
    /// The intercept id.
    public var interceptID: UInt32

    /// Creates a key.
    public init(format: MirrorShimFormat, interceptID: UInt32) {
        self.format = format
        self.interceptID = interceptID
    }
}

extension MirrorKey: ProbeKey {
    /// A mix of the id and the format.
    public var probeHash: UInt64 {
        probeMix(UInt64(interceptID) | UInt64(format.rawValue) << 40)
    }
}

extension MirrorVendor {
    /// The shim format of the vendor's streams.
    public var shimFormat: MirrorShimFormat {
        switch self {
        case .jmirror: .jmirror
        case .alu: .alu
        case .cisco: .cisco
        }
    }
}

extension MirrorDirection {
    /// The CC direction of a mirrored packet: the shim's when it gives one, else `fallback` (a sink's configured
    /// direction, or indeterminate).
    func payloadDirection(fallback: PayloadDirection) -> PayloadDirection {
        switch self {
        case .fromSubscriber: .fromTarget
        case .toSubscriber: .toTarget
        case .unknown: fallback
        }
    }
}
