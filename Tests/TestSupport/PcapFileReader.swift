import Foundation

/// One frame read from a capture file: capture time in microseconds since the epoch, the data link type, and the
/// captured bytes.
public typealias PcapFrame = (timestampMicros: Int64, linkType: Int32, bytes: [UInt8])

/// A small reader for capture files, for tests: classic pcap (both byte orders, microsecond and nanosecond
/// timestamps) and pcapng (Section Header, Interface Description, Enhanced and Simple Packet blocks).
public enum PcapFileReader {
    /// Reads every frame of the capture file at `path`, in file order.
    public static func frames(atPath path: String) throws(PcapFileError) -> [PcapFrame] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        return try frames(in: [UInt8](data))
    }

    /// Reads every frame of a capture held in memory.
    public static func frames(in bytes: [UInt8]) throws(PcapFileError) -> [PcapFrame] {
        guard bytes.count >= 4 else {
            throw .unknownFormat
        }
        let magicLittle = PcapByteReader(bytes: bytes, bigEndian: false).uint32(at: 0)
        switch magicLittle {
        case 0x0A0D_0D0A:
            return try PcapNGParser(bytes: bytes).frames()
        case 0xA1B2_C3D4, 0xA1B2_3C4D:
            return try classicFrames(PcapByteReader(bytes: bytes, bigEndian: false))
        case 0xD4C3_B2A1, 0x4D3C_B2A1:
            return try classicFrames(PcapByteReader(bytes: bytes, bigEndian: true))
        default:
            throw .unknownFormat
        }
    }

    /// Frames of a classic pcap file whose byte order the reader already knows.
    private static func classicFrames(_ reader: PcapByteReader) throws(PcapFileError) -> [PcapFrame] {
        guard reader.bytes.count >= 24 else {
            throw .truncated(offset: 0)
        }
        let nanoseconds = reader.uint32(at: 0) == 0xA1B2_3C4D
        let linkType = Int32(bitPattern: reader.uint32(at: 20) & 0x0FFF_FFFF)
        var frames: [PcapFrame] = []
        var offset = 24
        while offset < reader.bytes.count {
            guard offset + 16 <= reader.bytes.count else {
                throw .truncated(offset: offset)
            }
            let seconds = Int64(reader.uint32(at: offset))
            let fraction = Int64(reader.uint32(at: offset + 4))
            let capturedLength = Int(reader.uint32(at: offset + 8))
            let start = offset + 16
            guard capturedLength <= reader.bytes.count - start else {
                throw .truncated(offset: offset)
            }
            let micros = seconds * 1_000_000 + (nanoseconds ? fraction / 1_000 : fraction)
            frames.append((micros, linkType, Array(reader.bytes[start..<(start + capturedLength)])))
            offset = start + capturedLength
        }
        return frames
    }
}
