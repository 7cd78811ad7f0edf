import FuzzSupport
import Packets

/// The packet decoder on one frame of any link type, with tunnels stripped as the run's options allow.
///
/// Input: one selector byte (bits 0-2: the link type, bits 3-4: the VXLAN ports), then the frame.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPacketDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    let linkTypes: [LinkType] = [.ethernet, .linuxSLL, .linuxSLL2, .rawIP, .ipv4, .ipv6]
    let linkType = linkTypes[Int(selector & 0x07) % linkTypes.count]
    let settings: [DecapsulationSettings] = [
        .standard, DecapsulationSettings(vxlanPorts: []), DecapsulationSettings(vxlanPorts: [4789, 8472, 2152, 0]),
    ]
    let decapsulation = settings[Int(selector >> 3 & 0x03) % settings.count]
    let frame = input.rest
    if let packet = try? PacketDecoder.decode(frame, linkType: linkType, decapsulation: decapsulation) {
        DecodedFrame.use(packet, in: frame)
    }
    return 0
}
