/// The shim formats of vendor mirror streams: what a router puts in front of each mirrored packet it sends, as one
/// UDP datagram, to a collector.
public enum MirrorShimFormat: Int, Sendable, CaseIterable {
    /// Juniper JMirror: intercept id (low 30 bits of the first word), session id (second word), then the IP packet.
    case jmirror
    /// Nokia/ALU LI shim: mirror header version (2 bits), then with version 01 the direction (1 bit, 1 = egress) and
    /// a 29-bit intercept id, with version 00 a 30-bit intercept id; the session id; then an Ethernet frame.
    case alu
    /// Cisco LI mirror: the 32-bit intercept id, then the IP packet.
    case cisco

    /// Bytes of the shim in front of the mirrored packet.
    public var headerLength: Int {
        switch self {
        case .jmirror, .alu: 8
        case .cisco: 4
        }
    }
}

/// The direction a shim gives a mirrored packet.
public enum MirrorDirection: Sendable, Equatable {
    /// The shim does not say (JMirror, Cisco, ALU with header version 00).
    case unknown
    /// Ingress: the subscriber sent it.
    case fromSubscriber
    /// Egress: it was sent to the subscriber.
    case toSubscriber
}

/// One mirrored packet: the shim's facts and where the mirrored IP packet lies in the datagram's payload.
public struct MirroredPacket: Sendable, Equatable {
    /// The intercept id the router was configured with.
    public var interceptID: UInt32
    /// The shim's session id (Cisco has none: the intercept id stands in, as OpenLI does).
    public var sessionID: UInt32
    /// The direction, when the shim gives one.
    public var direction: MirrorDirection
    /// Where the IP packet starts in the payload (after the shim and, for ALU, the Ethernet, VLAN, PPPoE and MPLS
    /// headers).
    public var ipOffset: Int
    /// Bytes of the IP packet in the payload.
    public var ipLength: Int
}

/// Why a mirrored datagram yields no packet.
public enum MirrorShimError: Error, Sendable, Equatable {
    /// The payload is no longer than the shim: no packet follows it.
    case short
    /// What follows the shim is not an IP packet (ARP inside the ALU shim, a bad IP header, a truncated frame).
    case notIP
}

/// Reads vendor mirror shims in place (no copy, nothing allocated, nothing on the wire can make it trap).
public enum MirrorShim {
    /// Unwraps one mirrored datagram's UDP payload of `format`.
    public static func unwrap(
        _ payload: UnsafeRawBufferPointer,
        format: MirrorShimFormat
    ) throws(MirrorShimError) -> MirroredPacket {
        let headerLength = format.headerLength
        guard payload.count > headerLength else { throw .short }
        let first = payload.readUInt32(at: 0)
        var mirrored: MirroredPacket
        switch format {
        case .jmirror:
            mirrored = MirroredPacket(
                interceptID: first & 0x3FFF_FFFF,
                sessionID: payload.readUInt32(at: 4),
                direction: .unknown,
                ipOffset: 0,
                ipLength: 0
            )
        case .alu:
            let versioned = first >> 30 == 1
            mirrored = MirroredPacket(
                interceptID: versioned ? first & 0x1FFF_FFFF : first & 0x3FFF_FFFF,
                sessionID: payload.readUInt32(at: 4),
                direction: versioned ? (first & 0x2000_0000 == 0 ? .fromSubscriber : .toSubscriber) : .unknown,
                ipOffset: 0,
                ipLength: 0
            )
        case .cisco:
            mirrored = MirroredPacket(
                interceptID: first,
                sessionID: first,
                direction: .unknown,
                ipOffset: 0,
                ipLength: 0
            )
        }
        let inner = UnsafeRawBufferPointer(rebasing: payload[headerLength...])
        let packet: DecodedPacket
        do {
            packet = try PacketDecoder.decode(inner, linkType: format == .alu ? .ethernet : .rawIP)
        } catch {
            throw .notIP
        }
        mirrored.ipOffset = headerLength + packet.ipOffset
        mirrored.ipLength = packet.ipLength
        return mirrored
    }
}
