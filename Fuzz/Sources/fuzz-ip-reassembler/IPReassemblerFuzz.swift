import FuzzSupport
import Packets

/// The IPv4 and IPv6 reassembler on a sequence of IP packets (fragments or not), as session sync feeds it the
/// fragments to and from known servers; each datagram it completes is decoded again, as session sync does.
///
/// Input: one selector byte (bit 0: a small reassembler, 2 datagrams and 64 KiB, so that eviction happens), then
/// records of one time step (seconds of capture time since the previous packet; the timeout is 30 s), a 16-bit
/// big-endian length and the IP packet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIPReassembler(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    var reassembler = selector & 1 == 0 ? IPReassembler() : IPReassembler(maxDatagrams: 2, maxBytes: 1 << 16)
    var time: Int64 = 1_000_000_000_000
    while let step = input.byte() {
        time += Int64(step) * 1_000_000
        let packet = input.record()
        guard let datagram = reassembler.add(ipPacket: packet, time: time) else { continue }
        datagram.withUnsafeBytes { whole in
            if let rebuilt = try? PacketDecoder.decode(whole, linkType: .rawIP) {
                DecodedFrame.use(rebuilt, in: whole)
            }
        }
    }
    _ = reassembler.pendingCount
    return 0
}
