/// Why a capture file could not be read by ``PcapFileReader``.
public enum PcapFileError: Error, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadable(path: String)
    /// The file starts with neither a classic pcap magic number nor a pcapng Section Header Block.
    case unknownFormat
    /// A header, record or block runs past the end of the file, or a block's length is impossible.
    case truncated(offset: Int)
    /// A pcapng packet block names an interface that no Interface Description Block declared.
    case unknownInterface(Int)
}
