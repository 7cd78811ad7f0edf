import Packets

/// Where one captured frame sits inside a `FrameBatch`, and what the capture thread already learnt about it.
public struct FrameSlot: Sendable {
    /// Offset of the frame's first byte in the batch's arena.
    public var offset: Int
    /// Bytes of the frame that were captured.
    public var length: Int
    /// Capture time, microseconds since the epoch.
    public var timeMicros: Int64
    /// The decoded headers (offsets are relative to the frame's start).
    public var packet: DecodedPacket
}

/// A reusable arena of captured frames handed from the capture thread to one shard.
///
/// Frames are copied once out of libpcap's buffer into `bytes` (whose capacity is kept between uses, so filling a
/// batch allocates nothing in the steady state). A batch carries the match table that was current when its frames
/// were read: control packets are applied in capture order, so a shard classifies every packet against exactly the
/// sessions that were open at that packet.
public final class FrameBatch: @unchecked Sendable {
    /// The frames' bytes, back to back.
    public var bytes: [UInt8]
    /// One slot per frame, in capture order.
    public var slots: [FrameSlot]
    /// The sessions and warrants to classify these frames against.
    public var matchTable: MatchTable

    /// Creates an empty batch with room for `frames` frames of `arenaBytes` bytes in all.
    public init(frames: Int, arenaBytes: Int, matchTable: MatchTable) {
        bytes = []
        bytes.reserveCapacity(arenaBytes)
        slots = []
        slots.reserveCapacity(frames)
        self.matchTable = matchTable
    }

    /// Empties the batch, keeping its capacity.
    public func reset(matchTable: MatchTable) {
        bytes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        self.matchTable = matchTable
    }

    /// Copies one frame in.
    public func append(frame: UnsafeRawBufferPointer, timeMicros: Int64, packet: DecodedPacket) {
        let offset = bytes.count
        bytes.append(contentsOf: frame)
        slots.append(FrameSlot(offset: offset, length: frame.count, timeMicros: timeMicros, packet: packet))
    }
}
