import FuzzSupport
import Packets

/// The classic pcap reader on one whole file, as the capture stage's memory-mapped reader walks it: the file
/// header, then every record, each frame decoded with the file's link type (when the decoder handles it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPcap(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = FuzzInput(data, size).bytes
    guard let header = PcapFileHeader(file) else { return 0 }
    let linkType = LinkType(dlt: header.linkType)
    var position = PcapFileHeader.length
    while position < file.count, let record = try? header.record(in: file, at: position) {
        position = record.frame.upperBound
        let frame = UnsafeRawBufferPointer(rebasing: file[record.frame])
        if let linkType, let packet = try? PacketDecoder.decode(frame, linkType: linkType) {
            DecodedFrame.use(packet, in: frame)
        }
    }
    return 0
}
