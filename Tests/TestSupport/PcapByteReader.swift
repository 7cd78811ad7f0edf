/// Reads fixed-size integers from a capture file's bytes in the file's byte order.
struct PcapByteReader {
    let bytes: [UInt8]
    let bigEndian: Bool

    /// The 16-bit value at `offset`; the caller has checked the bounds.
    func uint16(at offset: Int) -> UInt16 {
        let first = UInt16(bytes[offset])
        let second = UInt16(bytes[offset + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    /// The 32-bit value at `offset`; the caller has checked the bounds.
    func uint32(at offset: Int) -> UInt32 {
        let first = UInt32(uint16(at: offset))
        let second = UInt32(uint16(at: offset + 2))
        return bigEndian ? first << 16 | second : second << 16 | first
    }
}
