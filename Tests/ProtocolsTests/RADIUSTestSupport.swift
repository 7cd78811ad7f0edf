import Packets
import Protocols
import TestSupport

/// Builds RADIUS payloads and pulls RADIUS payloads out of the test captures.
enum RADIUSTestSupport {
    /// A RADIUS packet with a correct Length and a fixed authenticator.
    static func message(code: UInt8, identifier: UInt8 = 1, attributes: [(UInt8, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (type, value) in attributes {
            body += [type, UInt8(value.count + 2)] + value
        }
        let length = 20 + body.count
        return [code, identifier, UInt8(length >> 8), UInt8(truncatingIfNeeded: length)]
            + (0..<16).map { UInt8($0) } + body
    }

    static func uint32(_ value: UInt32) -> [UInt8] {
        [
            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value),
        ]
    }

    static func parse(_ bytes: [UInt8]) -> Result<RADIUSMessage, RADIUSError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(RADIUSError) -> RADIUSMessage in
                try RADIUSParser.parse(buffer)
            }
        }
    }

    /// The UDP payloads to or from a RADIUS port (1812/1813) in capture `name`, keyed by 1-based frame number.
    static func radiusPayloads(_ name: String) throws -> [(Int, [UInt8])] {
        let frames = try PcapCaptures.frames(name)
        var payloads: [(Int, [UInt8])] = []
        for (index, frame) in frames.enumerated() {
            guard let linkType = LinkType(dlt: frame.linkType) else {
                continue
            }
            let decoded = frame.bytes.withUnsafeBytes { buffer in
                Result { () throws(PacketError) -> DecodedPacket in
                    try PacketDecoder.decode(buffer, linkType: linkType)
                }
            }
            guard case .success(let packet) = decoded, packet.transportProtocol == 17,
                [1812, 1813].contains(packet.sourcePort) || [1812, 1813].contains(packet.destinationPort)
            else {
                continue
            }
            payloads.append(
                (index + 1, Array(frame.bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]))
            )
        }
        return payloads
    }
}
