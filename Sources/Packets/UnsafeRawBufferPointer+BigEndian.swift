extension UnsafeRawBufferPointer {
    /// The byte at `offset`; the caller has checked `offset < count`.
    func readUInt8(at offset: Int) -> UInt8 {
        self[offset]
    }

    /// The big-endian 16-bit value at `offset`; the caller has checked `offset + 2 <= count`.
    func readUInt16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// The big-endian 32-bit value at `offset`; the caller has checked `offset + 4 <= count`.
    func readUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The big-endian 64-bit value at `offset`; the caller has checked `offset + 8 <= count`.
    func readUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The IPv4 address at `offset`; the caller has checked `offset + 4 <= count`.
    func readIPv4Address(at offset: Int) -> IPAddress {
        .v4(readUInt32(at: offset))
    }

    /// The IPv6 address at `offset`; the caller has checked `offset + 16 <= count`.
    func readIPv6Address(at offset: Int) -> IPAddress {
        .v6(high: readUInt64(at: offset), low: readUInt64(at: offset + 8))
    }
}
