import Packets

/// Where one captured frame sits inside a `FrameBatch`, and what file capture already learnt about it.
public struct FrameSlot: Sendable {
    /// Offset of the frame's first byte in the batch's arena (its own bytes, or the mapped region it refers to).
    public var offset: Int
    /// Bytes of the frame that were captured.
    public var length: Int
    /// Capture time, microseconds since the epoch.
    public var timeMicros: Int64
    /// The decoded headers (offsets are relative to the frame's start).
    public var packet: DecodedPacket
}

/// A reusable arena of captured frames: handed from file capture to session sync (every frame, in capture order,
/// with an empty table), and from session sync to one shard (with the table its frames are classified against).
///
/// Frames of a memory-mapped file are not copied: the batch holds the mapped region and refers to them where they
/// lie. Frames from libpcap (live interfaces, pcapng) are copied once into `bytes` (whose capacity is kept between
/// uses, so filling a batch allocates nothing in the steady state). A shard's batch carries the match table that was
/// current when its frames were dealt: session packets are applied in capture order, so a shard classifies every
/// packet against exactly the sessions that were open at that packet.
public final class FrameBatch: @unchecked Sendable {
    // Safe to share: a batch is filled by one stage, handed over through a queue (which orders the accesses), and
    // then used only by the stage that took it, until it goes back to a pool.
    /// The frames' bytes, back to back.
    public var bytes: [UInt8]
    /// One slot per frame, in capture order.
    public var slots: [FrameSlot]
    /// The sessions and warrants to classify these frames against.
    public var matchTable: MatchTable
    /// The mapped file window the slots refer to; nil when the frames are in `bytes`.
    public private(set) var region: MappedRegion?
    /// The identity of `region`, compared per frame without reference counting.
    private var regionID: ObjectIdentifier?
    /// Set by file capture on the last batch before it pauses (replay pacing, a closed gate, the end of a file):
    /// session sync then hands the shards what it holds, so nothing read waits for the pause to end.
    public var endsBurst = false

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
        region = nil
        regionID = nil
        endsBurst = false
    }

    /// Copies one frame in. The batch must not refer to a mapped region.
    public func append(frame: UnsafeRawBufferPointer, timeMicros: Int64, packet: DecodedPacket) {
        let offset = bytes.count
        bytes.append(contentsOf: frame)
        slots.append(FrameSlot(offset: offset, length: frame.count, timeMicros: timeMicros, packet: packet))
    }

    /// Lets go of the mapped region (the shard calls it when done, so a window is unmapped as soon as every batch
    /// that referred to it has been classified).
    public func releaseRegion() {
        region = nil
        regionID = nil
        slots.removeAll(keepingCapacity: true)
    }

    /// Whether a frame of the region with identity `source` (nil for copied frames) can join this batch: an empty
    /// batch takes any, a filled one only frames kept the same way.
    public func accepts(_ source: ObjectIdentifier?) -> Bool {
        slots.isEmpty || regionID == source
    }

    /// Refers to a frame at `offset` in `source` without copying it. The batch must accept `source`.
    public func append(offset: Int, in source: MappedRegion, length: Int, timeMicros: Int64, packet: DecodedPacket) {
        let identity = ObjectIdentifier(source)
        if regionID != identity {
            region = source
            regionID = identity
        }
        slots.append(FrameSlot(offset: offset, length: length, timeMicros: timeMicros, packet: packet))
    }

    /// Runs `body` with the arena the slots' offsets refer to.
    public func withArena<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let region { return body(region.bytes) }
        return bytes.withUnsafeBytes(body)
    }
}
