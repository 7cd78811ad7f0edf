import Packets

/// A key of a ``ProbeTable``: equality plus a cheap, well-mixed 64-bit hash.
public protocol ProbeKey: Hashable, Sendable {
    /// The key's hash (every bit should depend on every bit of the key).
    var probeHash: UInt64 { get }
}

/// An immutable open-addressing hash table (linear probing, at most half full) for the shards' per-packet lookups.
///
/// The standard library's dictionary hashes with a seeded SipHash, which costs more than the rest of a lookup; the
/// keys here are addresses and 4-tuples the session trackers put in (not chosen by whoever sends packets), so a
/// fast multiply-xorshift mix is enough, and a miss ends at the first empty slot.
public struct ProbeTable<Key: ProbeKey, Value: Sendable>: Sendable {
    private let slots: [Int32]
    private let keys: [Key]
    private let values: [Value]
    private let mask: Int

    /// A table with the entries of `dictionary`.
    public init(_ dictionary: [Key: Value]) {
        var capacity = 8
        while capacity < dictionary.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var keys: [Key] = []
        var values: [Value] = []
        keys.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            var index = Int(truncatingIfNeeded: key.probeHash) & (capacity - 1)
            while slots[index] >= 0 { index = (index + 1) & (capacity - 1) }
            slots[index] = Int32(keys.count)
            keys.append(key)
            values.append(value)
        }
        self.slots = slots
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    /// The value for `key`, if the table holds it.
    public subscript(key: Key) -> Value? {
        var index = Int(truncatingIfNeeded: key.probeHash) & mask
        while true {
            let entry = slots[index]
            if entry < 0 { return nil }
            if keys[Int(entry)] == key { return values[Int(entry)] }
            index = (index + 1) & mask
        }
    }

    /// Whether the table is empty.
    public var isEmpty: Bool { keys.isEmpty }

    /// Entries in the table.
    public var count: Int { keys.count }
}

/// The 64-bit finaliser of MurmurHash3: spreads every input bit over the whole word.
@inline(__always)
func probeMix(_ value: UInt64) -> UInt64 {
    var mixed = value
    mixed ^= mixed >> 33
    mixed &*= 0xFF51_AFD7_ED55_8CCD
    mixed ^= mixed >> 33
    mixed &*= 0xC4CE_B9FE_1A85_EC53
    mixed ^= mixed >> 33
    return mixed
}

extension IPAddress: ProbeKey {
    /// A mix of both halves and the version.
    public var probeHash: UInt64 {
        probeMix(low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ (isIPv4 ? 0 : 0x8000_0000_0000_0001))
    }
}

extension MediaKey: ProbeKey {
    /// A mix of both addresses and both ports.
    public var probeHash: UInt64 {
        let ports = UInt64(sourcePort) << 48 | UInt64(destinationPort) << 32
        return probeMix(
            source.low ^ (destination.low &* 0x9E37_79B9_7F4A_7C15) ^ ports ^ (source.high &* 0xC2B2_AE3D_27D4_EB4F)
                ^ (destination.high &* 0x1656_67B1_9E37_79F9)
        )
    }
}

extension ServerEndpoint: ProbeKey {
    /// A mix of the address and the port.
    public var probeHash: UInt64 {
        probeMix(address.low ^ (address.high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(port) << 48)
    }
}
