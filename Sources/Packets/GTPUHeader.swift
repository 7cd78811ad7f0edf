/// A G-PDU's tunnel facts, as the decoder found them.
public struct GTPUTunnel: Sendable, Equatable {
    /// The TEID the G-PDU was sent to.
    public var teid: UInt32
    /// Its GTP-U sequence number (0 when it has none).
    public var sequence: UInt16
    /// Where the inner packet starts, from the start of the UDP payload.
    public var innerOffset: Int32
}

/// The GTP-U header (TS 29.281 §5) of a user-plane datagram, read in place for the per-packet path.
public enum GTPUHeader {
    /// The well-known GTP-U port.
    public static let port: UInt16 = 2152

    /// For a G-PDU (version 1, protocol type GTP, message type 255): its TEID, its sequence number (0 when it has
    /// none) and where the inner packet starts in `payload`; nil for anything else (echo, error indication, a
    /// header that runs past the datagram).
    @inline(__always)
    public static func gpdu(_ payload: UnsafeRawBufferPointer) -> (teid: UInt32, sequence: UInt16, innerOffset: Int)? {
        guard payload.count >= 8, payload[0] & 0xF0 == 0x30, payload[1] == 0xFF else { return nil }
        let teid = UInt32(payload[4]) << 24 | UInt32(payload[5]) << 16 | UInt32(payload[6]) << 8 | UInt32(payload[7])
        let end = min(payload.count, 8 + (Int(payload[2]) << 8 | Int(payload[3])))
        guard payload[0] & 0x07 != 0 else { return 8 < end ? (teid, 0, 8) : nil }
        guard end >= 12 else { return nil }
        let sequence = payload[0] & 0x02 != 0 ? UInt16(payload[8]) << 8 | UInt16(payload[9]) : 0
        var offset = 12
        var next = payload[0] & 0x04 != 0 ? payload[11] : 0
        while next != 0 {
            guard offset < end, payload[offset] > 0 else { return nil }
            let extensionEnd = offset + Int(payload[offset]) * 4
            guard extensionEnd <= end else { return nil }
            next = payload[extensionEnd - 1]
            offset = extensionEnd
        }
        return offset < end ? (teid, sequence, offset) : nil
    }
}
