import FuzzSupport
import Packets

/// A vendor mirror shim (JMirror, Nokia/ALU, Cisco) on one mirrored datagram's UDP payload.
///
/// Input: one selector byte (the shim format), then the UDP payload.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMirrorShim(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    let formats = MirrorShimFormat.allCases
    let format = formats[Int(selector) % formats.count]
    let payload = input.rest
    guard let mirrored = try? MirrorShim.unwrap(payload, format: format) else { return 0 }
    let ip = UnsafeRawBufferPointer(rebasing: payload[mirrored.ipOffset..<(mirrored.ipOffset + mirrored.ipLength)])
    if let packet = try? PacketDecoder.decode(ip, linkType: .rawIP) {
        DecodedFrame.use(packet, in: ip)
    }
    return 0
}
