import FuzzSupport
import Packets
import Protocols

/// The GTP parsers on one UDP payload: GTPv1-C and GTPv2-C (to or from port 2123, by the version in the first
/// byte, as the mobile tracker picks), and the GTP-U header read in the decoder (port 2152) with the inner packet.
///
/// Input: one selector byte (even: control plane, odd: user plane), then the payload.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    let payload = input.rest
    if selector & 1 == 1 {
        guard let (_, _, inner) = GTPUHeader.gpdu(payload) else { return 0 }
        let packet = UnsafeRawBufferPointer(rebasing: payload[inner...])
        if let decoded = try? PacketDecoder.decode(packet, linkType: .rawIP) {
            DecodedFrame.use(decoded, in: packet)
        }
        return 0
    }
    guard let first = payload.first else { return 0 }
    switch first >> 5 {
    case 1:
        if let message = try? GTPv1Parser.parse(payload) {
            _ = String(describing: message).utf8.count
            _ = message.gsnAddresses.compactMap { GTPValue.address($0) }.count
        }
    case 2:
        if let message = try? GTPv2Parser.parse(payload) {
            _ = String(describing: message).utf8.count
        }
    default:
        break
    }
    return 0
}
