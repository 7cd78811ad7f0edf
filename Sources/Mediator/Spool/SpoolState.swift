#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The persisted acknowledged cursor of a spool, in the file `state` of its directory (32 bytes, big-endian):
/// magic "OLST", segment (8), offset (8), record (8), CRC-32C of the 28 bytes before it. Replaced atomically:
/// written to `state.tmp`, flushed, renamed over `state`, and the directory flushed.
struct SpoolState: Equatable {
    /// The state file's name.
    static let fileName = "state"
    /// The name it is written under before the rename.
    static let temporaryName = "state.tmp"
    private static let magic: UInt32 = 0x4F4C_5354
    private static let size = 32

    /// The acknowledged cursor's segment.
    var segment: UInt64
    /// Its byte offset in the segment.
    var offset: Int64
    /// The index of the first unacknowledged record.
    var record: UInt64

    /// The state for `position`.
    init(_ position: SpoolPosition) {
        segment = position.segment
        offset = position.offset
        record = position.record
    }

    /// Reads the state file of `directory`; nil when there is none or it does not verify (the spool then starts
    /// from its oldest segment, which sends acknowledged records again rather than losing any).
    static func read(directory: String) throws(SpoolError) -> SpoolState? {
        let path = directory + "/" + fileName
        guard access(path, F_OK) == 0 else { return nil }
        let file = try SpoolFile(opening: path)
        let bytes = try file.readBytes(count: size + 1, at: 0)
        guard bytes.count == size else { return nil }
        return bytes.withUnsafeBytes { raw in
            guard UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) == magic,
                UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
                    == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<28]))
            else { return nil }
            let offset = Int64(bigEndian: raw.loadUnaligned(fromByteOffset: 12, as: Int64.self))
            guard offset >= 0 else { return nil }
            return SpoolState(
                segment: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)),
                offset: offset,
                record: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 20, as: UInt64.self))
            )
        }
    }

    /// Replaces the state file of `directory` with this state, atomically and durably.
    func write(directory: String) throws(SpoolError) {
        var bytes = [UInt8](repeating: 0, count: Self.size)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: Self.magic.bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: segment.bigEndian, toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: offset.bigEndian, toByteOffset: 12, as: Int64.self)
            raw.storeBytes(of: record.bigEndian, toByteOffset: 20, as: UInt64.self)
            let crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<28]))
            raw.storeBytes(of: crc.bigEndian, toByteOffset: 28, as: UInt32.self)
        }
        let temporary = directory + "/" + Self.temporaryName
        let file = try SpoolFile(opening: temporary, create: true, truncate: true)
        try file.write(bytes, at: 0)
        try file.sync()
        try SpoolDirectory.move(temporary, to: directory + "/" + Self.fileName)
        try SpoolDirectory.sync(directory)
    }

    private init(segment: UInt64, offset: Int64, record: UInt64) {
        self.segment = segment
        self.offset = offset
        self.record = record
    }
}
