import Packets

/// Frames counted by the tunnels they were found inside (a frame in GRE inside VXLAN counts for both).
public struct EncapsulationCounts: Sendable, Equatable {
    /// Frames per bit of ``Encapsulations``, bit 0 first.
    private var byBit = [Int](repeating: 0, count: 8)

    /// No frames counted.
    public init() {}

    /// Counts one frame found inside `kinds` (the caller skips plain frames).
    @inline(__always)
    public mutating func add(_ kinds: Encapsulations) {
        var bits = kinds.rawValue
        while bits != 0 {
            byBit[bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    /// Adds another stage's counts to these.
    public mutating func add(_ other: EncapsulationCounts) {
        for bit in byBit.indices {
            byBit[bit] += other.byBit[bit]
        }
    }

    /// Frames found inside `kind` (one kind).
    public func frames(inside kind: Encapsulations) -> Int {
        let bits = kind.rawValue
        return bits == 0 ? 0 : byBit[bits.trailingZeroBitCount]
    }

    /// Whether no frame was inside a tunnel.
    public var isEmpty: Bool {
        byBit.allSatisfy { $0 == 0 }
    }
}
