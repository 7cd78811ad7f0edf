import Packets

/// Session-protocol frames a live shard copied for session sync (to or from a known server, and IPv4 fragments to
/// or from one), with their capture times and link types, handed over in batches.
public final class SessionFrameBatch: @unchecked Sendable {
    // Safe to share: filled by one live shard, handed to session sync through its queue (which orders the
    // accesses), and used only by session sync until it goes back to the shard's pool.
    /// One copied frame.
    public struct Frame: Sendable {
        /// Offset in `bytes`.
        public var offset: Int
        /// Length in bytes.
        public var length: Int
        /// Capture time, µs since the epoch.
        public var timeMicros: Int64
        /// The frame's link type.
        public var linkType: LinkType
    }

    /// The frames' bytes, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The frames in capture order (of their shard).
    public private(set) var frames: [Frame] = []
    /// The shard that filled the batch (it gets the batch back).
    public let owner: Int

    /// Creates an empty batch for shard `owner`.
    public init(owner: Int) {
        self.owner = owner
        bytes.reserveCapacity(64 << 10)
        frames.reserveCapacity(64)
    }

    /// Copies a frame in.
    public func append(_ frame: UnsafeRawBufferPointer, timeMicros: Int64, linkType: LinkType) {
        frames.append(Frame(offset: bytes.count, length: frame.count, timeMicros: timeMicros, linkType: linkType))
        bytes.append(contentsOf: frame)
    }

    /// Empties the batch, keeping its capacity.
    public func reset() {
        bytes.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
    }
}
