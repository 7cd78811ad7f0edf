#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A classic pcap file (microsecond or nanosecond timestamps, either byte order) read through windows of memory
/// mapping instead of `read`: frames are handed out where they lie in the page cache, so nothing is copied on the
/// way in, and frame batches can refer to them instead of copying them (DESIGN §1: only kept packets are copied).
///
/// pcapng files are not handled here (``open(path:)`` returns nil and the caller uses libpcap).
final class MappedPcapFile {
    /// The largest record accepted (as libpcap: 256 KiB of captured bytes).
    static let maximumRecordBytes = 262_144
    /// Bytes of file each window covers for record starts; windows overlap by one largest record.
    static let windowBytes = 32 << 20

    private let descriptor: Int32
    private let path: String
    private let swapped: Bool
    private let nanoseconds: Bool
    private let pageSize: Int
    /// The file's size in bytes.
    let fileSize: Int
    /// The file's link type (LINKTYPE value).
    let linkType: Int32
    /// The offset of the next record.
    private(set) var position = 24
    /// The window the last frame handed out lies in.
    private(set) var region: MappedRegion?
    /// Counts the windows mapped so far, so a reader can tell cheaply whether ``region`` changed.
    private(set) var regionGeneration = 0

    private init(descriptor: Int32, path: String, fileSize: Int, header: UnsafeRawBufferPointer) {
        self.descriptor = descriptor
        self.path = path
        self.fileSize = fileSize
        let magic = header.loadUnaligned(as: UInt32.self)
        swapped = magic == 0xD4C3_B2A1 || magic == 0x4D3C_B2A1
        nanoseconds = magic == 0xA1B2_3C4D || magic == 0x4D3C_B2A1
        let rawLinkType = header.loadUnaligned(fromByteOffset: 20, as: UInt32.self)
        linkType = Int32(truncatingIfNeeded: (swapped ? rawLinkType.byteSwapped : rawLinkType) & 0x0FFF_FFFF)
        pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
    }

    deinit {
        close(descriptor)
    }

    /// Opens `path` when it is a classic pcap file; nil when it is something else (pcapng), to be read by libpcap.
    static func open(path: String) throws(CaptureError) -> MappedPcapFile? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CaptureError(source: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        var header = [UInt8](repeating: 0, count: 24)
        let headerRead = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 24, 0) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, headerRead == 24 else {
            close(descriptor)
            return nil
        }
        let magic = header.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        guard [0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1].contains(magic) else {
            close(descriptor)
            return nil
        }
        return header.withUnsafeBytes { bytes in
            MappedPcapFile(descriptor: descriptor, path: path, fileSize: Int(info.st_size), header: bytes)
        }
    }

    /// Hands the next frame (valid while ``region`` is held) and its capture time to `body`; false at the end.
    /// A record that runs past the end of the file or is larger than ``maximumRecordBytes`` is an error, as in
    /// libpcap.
    func next(_ body: (UnsafeRawBufferPointer, Int64) -> Void) throws(CaptureError) -> Bool {
        guard position < fileSize else { return false }
        guard position + 16 <= fileSize else { throw truncated() }
        let window = try window(for: position)
        let start = position - window.fileOffset
        let header = UnsafeRawBufferPointer(rebasing: window.bytes[start..<(start + 16)])
        let seconds = Int64(field(header, at: 0))
        let fraction = Int64(field(header, at: 4))
        let captured = Int(field(header, at: 8))
        guard captured <= Self.maximumRecordBytes else {
            throw CaptureError(source: path, reason: "record at offset \(position) claims \(captured) bytes")
        }
        guard position + 16 + captured <= fileSize else { throw truncated() }
        let frame = UnsafeRawBufferPointer(rebasing: window.bytes[(start + 16)..<(start + 16 + captured)])
        position += 16 + captured
        body(frame, seconds * 1_000_000 + (nanoseconds ? fraction / 1000 : fraction))
        return true
    }

    /// The window holding the whole record at `offset`, mapping the next one when the record is beyond the current.
    private func window(for offset: Int) throws(CaptureError) -> MappedRegion {
        let needed = min(fileSize, offset + 16 + Self.maximumRecordBytes)
        if let region, offset >= region.fileOffset, needed <= region.fileOffset + region.length {
            return region
        }
        let start = offset / pageSize * pageSize
        let length = min(fileSize, start + Self.windowBytes + 16 + Self.maximumRecordBytes) - start
        guard let mapped = MappedRegion(descriptor: descriptor, fileOffset: start, length: length) else {
            throw CaptureError(source: path, reason: "cannot map the file: \(String(cString: strerror(errno)))")
        }
        region = mapped
        regionGeneration += 1
        return mapped
    }

    private func field(_ header: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        let value = header.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return swapped ? value.byteSwapped : value
    }

    private func truncated() -> CaptureError {
        CaptureError(source: path, reason: "truncated packet record at offset \(position)")
    }
}
