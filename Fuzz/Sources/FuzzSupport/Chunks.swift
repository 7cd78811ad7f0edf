/// Cuts a byte stream into the pieces a network read might deliver: with `seed` 0 the whole stream at once,
/// otherwise pieces of 1 to 16 × `seed` bytes whose sizes a small generator seeded with `seed` picks, so that the
/// fuzzer chooses the cutting with one byte and the stream stays contiguous for its mutations.
public struct Chunks: Sequence, IteratorProtocol {
    private let stream: UnsafeRawBufferPointer
    private let seed: UInt8
    private var state: UInt32
    private var position = 0

    /// The pieces of `stream` for `seed`.
    public init(_ stream: UnsafeRawBufferPointer, seed: UInt8) {
        self.stream = stream
        self.seed = seed
        state = UInt32(seed) &* 0x9E37_79B9 | 1
    }

    /// The next piece; nil after the last.
    public mutating func next() -> UnsafeRawBufferPointer? {
        guard position < stream.count else { return nil }
        var size = stream.count - position
        if seed != 0 {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            size = Swift.min(size, 1 + Int(state % (16 * UInt32(seed))))
        }
        defer { position += size }
        return UnsafeRawBufferPointer(rebasing: stream[position..<(position + size)])
    }
}
