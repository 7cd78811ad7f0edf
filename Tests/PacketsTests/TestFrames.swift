import Packets

/// Builds frames byte by byte for decoder tests.
enum TestFrames {
    static func bigEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        bigEndian(UInt16(value >> 16)) + bigEndian(UInt16(truncatingIfNeeded: value))
    }

    /// An IPv4 packet with a correct header checksum.
    static func ipv4(
        source: UInt32,
        destination: UInt32,
        protocol transportProtocol: UInt8,
        payload: [UInt8],
        identifier: UInt16 = 0x1234,
        flagsAndOffset: UInt16 = 0,
        options: [UInt8] = []
    ) -> [UInt8] {
        let headerLength = 20 + options.count
        var header: [UInt8] = [0x40 | UInt8(headerLength / 4), 0]
        header += bigEndian(UInt16(headerLength + payload.count))
        header += bigEndian(identifier) + bigEndian(flagsAndOffset)
        header += [64, transportProtocol, 0, 0]
        header += bigEndian(source) + bigEndian(destination) + options
        let checksum = internetChecksum(header)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(truncatingIfNeeded: checksum)
        return header + payload
    }

    /// An IPv6 packet; `payload` starts with any extension headers.
    static func ipv6(source: IPAddress, destination: IPAddress, nextHeader: UInt8, payload: [UInt8]) -> [UInt8] {
        [0x60, 0, 0, 0] + bigEndian(UInt16(payload.count)) + [nextHeader, 64] + source.bytes + destination.bytes
            + payload
    }

    static func udp(sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]) -> [UInt8] {
        bigEndian(sourcePort) + bigEndian(destinationPort) + bigEndian(UInt16(8 + payload.count)) + [0, 0] + payload
    }

    static func tcp(sourcePort: UInt16, destinationPort: UInt16, options: [UInt8] = [], payload: [UInt8]) -> [UInt8] {
        let dataOffset = UInt8((20 + options.count) / 4) << 4
        return bigEndian(sourcePort) + bigEndian(destinationPort) + bigEndian(UInt32(1)) + bigEndian(UInt32(0))
            + [dataOffset, 0x18] + bigEndian(UInt16(65_535)) + [0, 0, 0, 0] + options + payload
    }

    /// An Ethernet II frame; `tags` are (TPID, TCI) pairs placed before `etherType`.
    static func ethernet(etherType: UInt16, tags: [(UInt16, UInt16)] = [], payload: [UInt8]) -> [UInt8] {
        var frame: [UInt8] = [0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2]
        for (tpid, tci) in tags {
            frame += bigEndian(tpid) + bigEndian(tci)
        }
        return frame + bigEndian(etherType) + payload
    }

    /// MPLS label stack entries for `labels`, the last one marked bottom of stack.
    static func mpls(_ labels: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, label) in labels.enumerated() {
            let bottom: UInt32 = index == labels.count - 1 ? 0x100 : 0
            bytes += bigEndian(label << 12 | bottom | 64)
        }
        return bytes
    }

    static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let high = UInt32(bytes[index]) << 8
            let low = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            sum += high | low
            index += 2
        }
        while sum > 0xFFFF {
            sum = (sum & 0xFFFF) + (sum >> 16)
        }
        return ~UInt16(sum)
    }

    /// Decodes `frame` into a result, for `#expect` comparisons.
    static func decode(_ frame: [UInt8], _ linkType: LinkType) -> Result<DecodedPacket, PacketError> {
        frame.withUnsafeBytes { buffer in
            Result { () throws(PacketError) -> DecodedPacket in
                try PacketDecoder.decode(buffer, linkType: linkType)
            }
        }
    }
}
