/// The 16 bytes before every entry of a segment file, all big-endian:
///
/// ```
/// 0  magic and version  "OLS" 0x01
/// 4  length             payload bytes that follow the header
/// 8  records            PS-PDUs in the payload (at least 1)
/// 12 checksum           CRC-32C of bytes 4..<12 followed by the payload
/// ```
struct SpoolEntryHeader: Equatable {
    /// Bytes in an encoded header.
    static let size = 16
    /// "OLS" and format version 1.
    static let magic: UInt32 = 0x4F4C_5301

    /// Payload bytes.
    var length: UInt32
    /// Records in the payload.
    var records: UInt32
    /// The CRC-32C of length, records and payload.
    var checksum: UInt32

    /// Bytes in the entry, header included.
    var entryBytes: Int64 { Int64(Self.size) + Int64(length) }

    /// The header for `payload` holding `records` records.
    init(payload: UnsafeRawBufferPointer, records: UInt32) {
        self.length = UInt32(truncatingIfNeeded: payload.count)
        self.records = records
        self.checksum = 0
        var crc = startChecksum()
        crc.update(payload)
        self.checksum = crc.value
    }

    /// Decodes a header; nil when the magic or version is not ours.
    init?(decoding raw: UnsafeRawBufferPointer) {
        guard raw.count >= Self.size,
            UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) == Self.magic
        else { return nil }
        length = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        records = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        checksum = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
    }

    /// Writes the header into the first 16 bytes of `raw`.
    func encode(into raw: UnsafeMutableRawBufferPointer) {
        raw.storeBytes(of: Self.magic.bigEndian, toByteOffset: 0, as: UInt32.self)
        raw.storeBytes(of: length.bigEndian, toByteOffset: 4, as: UInt32.self)
        raw.storeBytes(of: records.bigEndian, toByteOffset: 8, as: UInt32.self)
        raw.storeBytes(of: checksum.bigEndian, toByteOffset: 12, as: UInt32.self)
    }

    /// A checksum that has taken in length and records; add the payload to finish it.
    func startChecksum() -> CRC32C {
        var crc = CRC32C()
        withUnsafeTemporaryAllocation(byteCount: 8, alignment: 4) { raw in
            raw.storeBytes(of: length.bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: records.bigEndian, toByteOffset: 4, as: UInt32.self)
            crc.update(UnsafeRawBufferPointer(raw))
        }
        return crc
    }
}
