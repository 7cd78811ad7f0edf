import Packets

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
    static let maximumRecordBytes = PcapFileHeader.maximumRecordBytes
    /// Bytes of file each window covers for record starts; windows overlap by one largest record.
    static let windowBytes = 32 << 20

    private let descriptor: Int32
    private let path: String
    private let header: PcapFileHeader
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

    private init(descriptor: Int32, path: String, fileSize: Int, header: PcapFileHeader) {
        self.descriptor = descriptor
        self.path = path
        self.fileSize = fileSize
        self.header = header
        linkType = header.linkType
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
        guard let fileHeader = header.withUnsafeBytes({ PcapFileHeader($0) }) else {
            close(descriptor)
            return nil
        }
        return MappedPcapFile(descriptor: descriptor, path: path, fileSize: Int(info.st_size), header: fileHeader)
    }

    /// Hands the next frame (valid while ``region`` is held) and its capture time to `body`; false at the end.
    /// A record that runs past the end of the file or is larger than ``maximumRecordBytes`` is an error, as in
    /// libpcap.
    func next(_ body: (UnsafeRawBufferPointer, Int64) -> Void) throws(CaptureError) -> Bool {
        guard position < fileSize else { return false }
        guard position + 16 <= fileSize else { throw truncated() }
        let window = try window(for: position)
        let record: PcapRecord
        do {
            record = try header.record(in: window.bytes, at: position - window.fileOffset)
        } catch .tooLarge(let captured) {
            throw CaptureError(source: path, reason: "record at offset \(position) claims \(captured) bytes")
        } catch {
            throw truncated()
        }
        position = window.fileOffset + record.frame.upperBound
        body(UnsafeRawBufferPointer(rebasing: window.bytes[record.frame]), record.timeMicros)
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

    private func truncated() -> CaptureError {
        CaptureError(source: path, reason: "truncated packet record at offset \(position)")
    }
}
