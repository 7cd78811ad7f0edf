/// What the decoder carries down one frame: which UDP ports are VXLAN, and how many tunnels it is inside.
struct DecodeContext {
    /// The most tunnels one frame may nest; one more is ``PacketError/tunnelTooDeep``.
    static let maximumDepth = 4

    /// UDP destination ports whose datagrams are VXLAN.
    let vxlanPorts: [UInt16]
    /// Tunnels crossed so far.
    let depth: Int

    /// The context at the top of a frame.
    init(_ settings: DecapsulationSettings) {
        vxlanPorts = settings.vxlanPorts
        depth = 0
    }

    private init(vxlanPorts: [UInt16], depth: Int) {
        self.vxlanPorts = vxlanPorts
        self.depth = depth
    }

    /// The context inside one more tunnel; throws when that is deeper than ``maximumDepth``.
    func inside() throws(PacketError) -> DecodeContext {
        guard depth < Self.maximumDepth else {
            throw .tunnelTooDeep
        }
        return DecodeContext(vxlanPorts: vxlanPorts, depth: depth + 1)
    }

    /// Whether a UDP datagram to `port` is VXLAN (one compare for the default single port).
    @inline(__always)
    func isVXLAN(port: UInt16) -> Bool {
        for vxlanPort in vxlanPorts where vxlanPort == port {
            return true
        }
        return false
    }
}
