/// The header of a classic pcap file (libpcap's format, not pcapng: microsecond or nanosecond timestamps, either
/// byte order), and its records read in place from the file's bytes.
///
/// Pure and allocation-free: the capture stage's memory-mapped reader hands it windows of the file; nothing in a
/// file can make it trap.
public struct PcapFileHeader: Sendable, Equatable {
    /// Bytes of the file header.
    public static let length = 24
    /// Bytes of each record's header.
    public static let recordHeaderLength = 16
    /// The largest record accepted (as libpcap: 256 KiB of captured bytes).
    public static let maximumRecordBytes = 262_144

    /// Whether the file's numbers are in the other byte order than this machine's.
    public let swapped: Bool
    /// Whether record times carry nanoseconds rather than microseconds.
    public let nanoseconds: Bool
    /// The file's link type (LINKTYPE value).
    public let linkType: Int32

    /// The header at the start of `bytes`; nil when they are not a classic pcap file (too short, or pcapng).
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= Self.length else { return nil }
        let magic = bytes.loadUnaligned(as: UInt32.self)
        guard [0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1].contains(magic) else { return nil }
        swapped = magic == 0xD4C3_B2A1 || magic == 0x4D3C_B2A1
        nanoseconds = magic == 0xA1B2_3C4D || magic == 0x4D3C_B2A1
        let rawLinkType = bytes.loadUnaligned(fromByteOffset: 20, as: UInt32.self)
        linkType = Int32(truncatingIfNeeded: (swapped ? rawLinkType.byteSwapped : rawLinkType) & 0x0FFF_FFFF)
    }

    /// The record starting at `start` in `bytes`, which hold the rest of the file or at least the record's header
    /// and ``maximumRecordBytes`` after it. Throws for a record larger than ``maximumRecordBytes`` or one that
    /// runs past `bytes` (a truncated file), as libpcap does.
    public func record(in bytes: UnsafeRawBufferPointer, at start: Int) throws(PcapRecordError) -> PcapRecord {
        guard start >= 0, start <= bytes.count - Self.recordHeaderLength else { throw .truncated }
        let seconds = Int64(field(bytes, at: start))
        let fraction = Int64(field(bytes, at: start + 4))
        let captured = Int(field(bytes, at: start + 8))
        guard captured <= Self.maximumRecordBytes else { throw .tooLarge(captured) }
        let frameStart = start + Self.recordHeaderLength
        guard captured <= bytes.count - frameStart else { throw .truncated }
        return PcapRecord(
            frame: frameStart..<(frameStart + captured),
            timeMicros: seconds * 1_000_000 + (nanoseconds ? fraction / 1000 : fraction)
        )
    }

    private func field(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return swapped ? value.byteSwapped : value
    }
}

/// One record of a classic pcap file: where its frame lies and when it was captured.
public struct PcapRecord: Sendable, Equatable {
    /// The captured bytes' range in the bytes the record was read from; the next record starts at its end.
    public var frame: Range<Int>
    /// The capture time, in µs since the epoch.
    public var timeMicros: Int64
}

/// Why a classic pcap record cannot be read.
public enum PcapRecordError: Error, Sendable, Equatable {
    /// The record runs past the end of the file.
    case truncated
    /// The record claims more captured bytes (given) than ``PcapFileHeader/maximumRecordBytes``.
    case tooLarge(Int)
}
