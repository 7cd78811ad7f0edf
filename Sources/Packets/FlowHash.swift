/// Symmetric flow hashing for shard dispatch: `symmetric(a, b) == symmetric(b, a)`.
///
/// The hash is a fixed function (no per-process seed), so a capture file is always split across shards the same
/// way. It mixes both addresses fully, so neighbouring addresses land on unrelated shards.
public enum FlowHash {
    /// A 64-bit hash of an unordered address pair.
    public static func symmetric(_ a: IPAddress, _ b: IPAddress) -> UInt64 {
        let (first, second) = a < b ? (a, b) : (b, a)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        hash = mix(hash ^ first.high)
        hash = mix(hash ^ first.low)
        hash = mix(hash ^ second.high)
        hash = mix(hash ^ second.low)
        return mix(hash ^ (first.isIPv4 ? 4 : 6))
    }

    /// The 64-bit finalizer of SplitMix64: a bijection that spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
