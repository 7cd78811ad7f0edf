/// The tunnels a frame was found inside, stripped by the decoder before classification (a frame inside VXLAN that
/// carries GRE has both).
public struct Encapsulations: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// VXLAN (RFC 7348) on a VXLAN UDP port.
    public static let vxlan = Encapsulations(rawValue: 1 << 0)
    /// GRE (RFC 2784/2890) carrying IP, Ethernet (0x6558) or MPLS.
    public static let gre = Encapsulations(rawValue: 1 << 1)
    /// ERSPAN type I (GRE 0x88be without a sequence number; no ERSPAN header).
    public static let erspanTypeI = Encapsulations(rawValue: 1 << 2)
    /// ERSPAN type II (GRE 0x88be, 8-byte header, version 1).
    public static let erspanTypeII = Encapsulations(rawValue: 1 << 3)
    /// ERSPAN type III (GRE 0x22eb, 12-byte header, version 2, optional platform subheader).
    public static let erspanTypeIII = Encapsulations(rawValue: 1 << 4)

    /// Every kind with its summary name, in a fixed order.
    public static let named: [(kind: Encapsulations, name: String)] = [
        (.vxlan, "vxlan"), (.gre, "gre"), (.erspanTypeI, "erspan_i"), (.erspanTypeII, "erspan_ii"),
        (.erspanTypeIII, "erspan_iii"),
    ]
}

/// Which tunnels the decoder strips beyond those it always recognises (GRE and ERSPAN by IP protocol 47).
public struct DecapsulationSettings: Sendable, Equatable {
    /// UDP destination ports whose datagrams are VXLAN (at most 8, later ones are ignored; IANA's 4789 by default).
    public var vxlanPorts: [UInt16] {
        didSet { vxlanLanes = Self.lanes(vxlanPorts) }
    }
    /// The first 8 VXLAN ports, one per lane (unused lanes repeat the first port; all 0 without ports), so that the
    /// decoder tests a UDP port with one vector compare and no reference counting.
    private(set) var vxlanLanes: SIMD8<UInt16>

    /// Settings with the given VXLAN ports.
    public init(vxlanPorts: [UInt16] = [4789]) {
        self.vxlanPorts = vxlanPorts
        vxlanLanes = Self.lanes(vxlanPorts)
    }

    /// `ports` in the lanes of a vector, the first port filling the lanes left over.
    private static func lanes(_ ports: [UInt16]) -> SIMD8<UInt16> {
        var lanes = SIMD8<UInt16>(repeating: ports.first ?? 0)
        for (lane, port) in ports.prefix(8).enumerated() {
            lanes[lane] = port
        }
        return lanes
    }

    /// VXLAN on udp/4789.
    public static let standard = DecapsulationSettings()
}
