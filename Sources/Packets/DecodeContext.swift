/// What the decoder carries down one frame: which UDP ports are VXLAN, and how many tunnels it is inside. Plain
/// values only, so that passing it costs no reference counting.
struct DecodeContext {
    /// The most tunnels one frame may nest; one more is ``PacketError/tunnelTooDeep``.
    static let maximumDepth = 4

    /// The VXLAN ports, one per lane (see ``DecapsulationSettings``).
    private let vxlanLanes: SIMD8<UInt16>
    /// False when no port is VXLAN (the lanes are then all 0).
    private let hasVXLANPorts: Bool
    /// Tunnels crossed so far.
    let depth: Int

    /// The context at the top of a frame.
    init(_ settings: DecapsulationSettings) {
        vxlanLanes = settings.vxlanLanes
        hasVXLANPorts = !settings.vxlanPorts.isEmpty
        depth = 0
    }

    private init(vxlanLanes: SIMD8<UInt16>, hasVXLANPorts: Bool, depth: Int) {
        self.vxlanLanes = vxlanLanes
        self.hasVXLANPorts = hasVXLANPorts
        self.depth = depth
    }

    /// The context inside one more tunnel; throws when that is deeper than ``maximumDepth``.
    func inside() throws(PacketError) -> DecodeContext {
        guard depth < Self.maximumDepth else {
            throw .tunnelTooDeep
        }
        return DecodeContext(vxlanLanes: vxlanLanes, hasVXLANPorts: hasVXLANPorts, depth: depth + 1)
    }

    /// Whether a UDP datagram to `port` is VXLAN: one vector compare for every configured port at once.
    @inline(__always)
    func isVXLAN(port: UInt16) -> Bool {
        any(vxlanLanes .== SIMD8(repeating: port)) && hasVXLANPorts
    }
}
