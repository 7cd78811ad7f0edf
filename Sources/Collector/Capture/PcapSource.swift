import CPcap
import Packets

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One capture source: a classic pcap file read through memory mapping, a pcapng file through libpcap, or a live
/// interface through libpcap (non-blocking, polled by the stage that reads it).
///
/// Sendable as a low-level handle: it is opened at set-up and handed to exactly one stage (file capture, or one live
/// shard), which alone reads it from then on; nothing else touches it while the stage runs.
public final class PcapSource: @unchecked Sendable {
    /// What one read produced.
    public enum ReadResult: Equatable {
        /// A frame was handed to the body.
        case frame
        /// No frame is waiting (live capture only).
        case idle
        /// The file is finished.
        case end
    }

    private let handle: OpaquePointer?
    private let mapped: MappedPcapFile?
    /// The file path or interface name.
    public let name: String
    /// Whether this is a live interface.
    public let isLive: Bool
    /// The frames' link type, nil when libpcap reports one we cannot decode.
    public let linkType: LinkType?
    /// libpcap's numeric link type, for messages.
    public let dataLinkType: Int32
    /// The file's size in bytes (0 for live capture).
    public let fileSize: Int64

    /// Opens a pcap or pcapng file.
    public init(file path: String) throws(CaptureError) {
        name = path
        isLive = false
        if let file = try MappedPcapFile.open(path: path) {
            mapped = file
            handle = nil
            dataLinkType = file.linkType
            linkType = LinkType(dlt: dataLinkType)
            fileSize = Int64(file.fileSize)
            return
        }
        mapped = nil
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard
            let opened = pcap_open_offline_with_tstamp_precision(
                path,
                UInt32(PCAP_TSTAMP_PRECISION_MICRO),
                &errorBuffer
            )
        else {
            throw CaptureError(source: path, reason: Self.message(errorBuffer))
        }
        handle = opened
        dataLinkType = pcap_datalink(opened)
        linkType = LinkType(dlt: dataLinkType)
        var info = stat()
        fileSize = stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Opens a live interface in promiscuous, non-blocking mode with a kernel buffer of `bufferMegabytes`; with a
    /// `fanoutGroup`, the handle joins that PACKET_FANOUT group (flow hash), sharing the interface's flows with the
    /// group's other handles.
    public init(interface: String, bufferMegabytes: Int, fanoutGroup: UInt16? = nil) throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard let created = pcap_create(interface, &errorBuffer) else {
            throw CaptureError(source: interface, reason: Self.message(errorBuffer))
        }
        pcap_set_snaplen(created, 262_144)
        pcap_set_promisc(created, 1)
        pcap_set_timeout(created, 100)
        pcap_set_buffer_size(created, Int32(clamping: max(1, bufferMegabytes) << 20))
        let status = pcap_activate(created)
        if status < 0 {
            let reason = String(cString: pcap_geterr(created))
            pcap_close(created)
            throw CaptureError(source: interface, reason: reason)
        }
        if pcap_setnonblock(created, 1, &errorBuffer) != 0 {
            pcap_close(created)
            throw CaptureError(source: interface, reason: Self.message(errorBuffer))
        }
        if let fanoutGroup {
            let failure = openli_pcap_join_fanout(created, fanoutGroup)
            if failure != 0 {
                pcap_close(created)
                throw CaptureError(
                    source: interface,
                    reason: "cannot join PACKET_FANOUT group \(fanoutGroup): \(String(cString: strerror(failure)))"
                )
            }
        }
        handle = created
        mapped = nil
        name = interface
        isLive = true
        dataLinkType = pcap_datalink(created)
        linkType = LinkType(dlt: dataLinkType)
        fileSize = 0
    }

    deinit {
        if let handle { pcap_close(handle) }
    }

    /// The mapped window the frame last handed to `read`'s body lies in (mapped files only): a batch that holds it
    /// may keep referring to the frame after the call.
    public var region: MappedRegion? { mapped?.region }

    /// Changes whenever ``region`` does (0 for libpcap sources), so a reader need not fetch the region per frame.
    public var regionGeneration: Int { mapped?.regionGeneration ?? 0 }

    /// Reads one frame and hands its bytes (valid only during the call, unless ``region`` is kept) and capture time
    /// to `body`.
    public func read(_ body: (UnsafeRawBufferPointer, Int64) -> Void) throws(CaptureError) -> ReadResult {
        if let mapped {
            return try mapped.next(body) ? .frame : .end
        }
        guard let handle else { return .end }
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        switch pcap_next_ex(handle, &header, &data) {
        case 1:
            guard let header, let data else { return .idle }
            let time = Int64(header.pointee.ts.tv_sec) * 1_000_000 + Int64(header.pointee.ts.tv_usec)
            body(UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)), time)
            return .frame
        case 0:
            return .idle
        case -2:
            return .end
        default:
            throw CaptureError(source: name, reason: String(cString: pcap_geterr(handle)))
        }
    }

    /// How far into the file reading has got, in bytes (0 for live capture).
    public var filePosition: Int64 {
        if let mapped { return Int64(mapped.position) }
        guard !isLive, let handle, let file = pcap_file(handle) else { return 0 }
        return Int64(ftell(file))
    }

    /// The descriptor to poll for a live interface, nil when it cannot be polled.
    public var selectableDescriptor: Int32? {
        guard let handle else { return nil }
        let descriptor = pcap_get_selectable_fd(handle)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Packets the kernel dropped (live capture), nil when libpcap cannot tell.
    public var kernelDrops: UInt64? {
        guard isLive, let handle else { return nil }
        var statistics = pcap_stat()
        guard pcap_stats(handle, &statistics) == 0 else { return nil }
        return UInt64(statistics.ps_drop) + UInt64(statistics.ps_ifdrop)
    }

    private static func message(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
