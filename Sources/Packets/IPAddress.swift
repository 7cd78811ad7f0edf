/// An IPv4 or IPv6 address, stored inline (no allocation).
///
/// IPv4 addresses keep their 32-bit value in `low` (with `high` zero); IPv6 addresses keep their 128 bits as two
/// host-order halves. Ordering puts every IPv4 address before every IPv6 address, then compares numerically.
public struct IPAddress: Hashable, Sendable, Comparable {
    /// The upper 64 bits of an IPv6 address (host order); 0 for IPv4.
    public let high: UInt64
    /// The lower 64 bits of an IPv6 address (host order); for IPv4 the 32-bit value.
    public let low: UInt64
    /// True for an IPv4 address, false for IPv6.
    public let isIPv4: Bool

    private init(high: UInt64, low: UInt64, isIPv4: Bool) {
        self.high = high
        self.low = low
        self.isIPv4 = isIPv4
    }

    /// An IPv4 address from its value in host byte order (192.0.2.1 is `0xC000_0201`).
    public static func v4(_ value: UInt32) -> IPAddress {
        IPAddress(high: 0, low: UInt64(value), isIPv4: true)
    }

    /// An IPv6 address from its upper and lower 64 bits in host byte order.
    public static func v6(high: UInt64, low: UInt64) -> IPAddress {
        IPAddress(high: high, low: low, isIPv4: false)
    }

    /// An address from 4 (IPv4) or 16 (IPv6) bytes in network order; nil for any other count.
    public init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 4:
            self = .v4(bytes.readUInt32(at: 0))
        case 16:
            self = .v6(high: bytes.readUInt64(at: 0), low: bytes.readUInt64(at: 8))
        default:
            return nil
        }
    }

    /// The IPv4 value in host byte order; 0 for an IPv6 address.
    public var v4Value: UInt32 {
        isIPv4 ? UInt32(truncatingIfNeeded: low) : 0
    }

    /// The number of bits in an address of this family: 32 or 128.
    public var bitWidth: Int {
        isIPv4 ? 32 : 128
    }

    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6 (allocates; for the control path).
    public var bytes: [UInt8] {
        if isIPv4 {
            let value = v4Value
            return [
                UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
                UInt8(truncatingIfNeeded: value),
            ]
        }
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for shift in stride(from: 56, through: 0, by: -8) {
            result.append(UInt8(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            result.append(UInt8(truncatingIfNeeded: low >> UInt64(shift)))
        }
        return result
    }

    /// The address with every bit after the first `length` bits cleared; `length` is clamped to the family's width.
    public func masked(toPrefixLength length: Int) -> IPAddress {
        let bits = min(max(length, 0), bitWidth)
        if isIPv4 {
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
            return .v4(v4Value & mask)
        }
        let highMask: UInt64 = bits == 0 ? 0 : (bits >= 64 ? ~0 : ~UInt64(0) << UInt64(64 - bits))
        let lowMask: UInt64 = bits <= 64 ? 0 : (bits == 128 ? ~0 : ~UInt64(0) << UInt64(128 - bits))
        return .v6(high: high & highMask, low: low & lowMask)
    }

    /// Orders IPv4 before IPv6, then by numeric value.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.isIPv4 != rhs.isIPv4 {
            return lhs.isIPv4
        }
        if lhs.high != rhs.high {
            return lhs.high < rhs.high
        }
        return lhs.low < rhs.low
    }
}
