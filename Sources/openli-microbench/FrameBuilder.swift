/// Builds the frames and IP packets the benchmarks feed to the decoder and the encoders, byte by byte.
enum FrameBuilder {
    /// `value` as two bytes in network order.
    static func bigEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    /// `value` as four bytes in network order.
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        bigEndian(UInt16(value >> 16)) + bigEndian(UInt16(truncatingIfNeeded: value))
    }

    /// An Ethernet II frame carrying `ipPacket` (IPv4), after the 802.1Q tags `vlanTags` (tag control information)
    /// and the MPLS label stack `mplsLabels` (outermost first; the last one marked bottom of stack).
    static func ethernet(vlanTags: [UInt16] = [], mplsLabels: [UInt32] = [], ipPacket: [UInt8]) -> [UInt8] {
        var frame: [UInt8] = [0x02, 0x00, 0x5E, 0x10, 0x00, 0x01, 0x02, 0x00, 0x5E, 0x10, 0x00, 0x02]
        for tag in vlanTags {
            frame += bigEndian(UInt16(0x8100)) + bigEndian(tag)
        }
        if mplsLabels.isEmpty {
            return frame + bigEndian(UInt16(0x0800)) + ipPacket
        }
        frame += bigEndian(UInt16(0x8847))
        for (index, label) in mplsLabels.enumerated() {
            let bottom: UInt32 = index == mplsLabels.count - 1 ? 0x100 : 0
            frame += bigEndian(label << 12 | bottom | 64)
        }
        return frame + ipPacket
    }

    /// An IPv4 packet (no options, don't-fragment set) with a correct header checksum.
    static func ipv4(source: UInt32, destination: UInt32, protocol transport: UInt8, payload: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [0x45, 0x00]
        header += bigEndian(UInt16(20 + payload.count))
        header += bigEndian(UInt16(truncatingIfNeeded: source ^ destination)) + bigEndian(UInt16(0x4000))
        header += [64, transport, 0, 0]
        header += bigEndian(source) + bigEndian(destination)
        let checksum = headerChecksum(header)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(truncatingIfNeeded: checksum)
        return header + payload
    }

    /// A TCP segment (ACK and PSH, with a timestamp option, so a 32-byte header) carrying `payload`.
    static func tcp(sourcePort: UInt16, destinationPort: UInt16, sequence: UInt32, payload: [UInt8]) -> [UInt8] {
        let options: [UInt8] = [0x01, 0x01, 0x08, 0x0A] + bigEndian(sequence ^ 0x5A5A) + bigEndian(UInt32(7))
        return bigEndian(sourcePort) + bigEndian(destinationPort) + bigEndian(sequence) + bigEndian(UInt32(1))
            + [0x80, 0x18] + bigEndian(UInt16(502)) + [0, 0, 0, 0] + options + payload
    }

    /// A UDP datagram carrying `payload` (checksum left 0, which IPv4 allows).
    static func udp(sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]) -> [UInt8] {
        bigEndian(sourcePort) + bigEndian(destinationPort) + bigEndian(UInt16(8 + payload.count)) + [0, 0] + payload
    }

    /// An RTP packet (RFC 3550: version 2, payload type 8 PCMA) carrying `samples` bytes of audio.
    static func rtp(sequence: UInt16, timestamp: UInt32, ssrc: UInt32, samples: Int) -> [UInt8] {
        let audio = (0..<samples).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ Int(sequence)) }
        return [0x80, 0x08] + bigEndian(sequence) + bigEndian(timestamp) + bigEndian(ssrc) + audio
    }

    /// `count` bytes of filler that differ with `seed`.
    static func filler(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ seed &* 7) }
    }

    /// The RFC 791 header checksum.
    private static func headerChecksum(_ header: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        for index in stride(from: 0, to: header.count, by: 2) {
            sum += UInt32(header[index]) << 8 | UInt32(header[index + 1])
        }
        while sum > 0xFFFF {
            sum = (sum & 0xFFFF) + (sum >> 16)
        }
        return ~UInt16(sum)
    }
}
