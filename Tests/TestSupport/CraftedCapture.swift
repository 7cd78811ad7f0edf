import Foundation

/// Builds pcap files frame by frame for tests: Ethernet, IPv4 (optionally fragmented), IPv6, UDP, TCP, and RADIUS.
public struct CraftedCapture {
    private var data = Data()
    /// Capture time of the next frame, µs since the epoch.
    public var timeMicros: Int64 = 1_767_225_600_000_000

    /// Starts an empty Ethernet capture.
    public init() {
        append32(0xA1B2_C3D4)
        append16(2)
        append16(4)
        append32(0)
        append32(0)
        append32(262_144)
        append32(1)
    }

    /// Appends an Ethernet frame carrying `ipPacket`, 1 ms after the previous frame.
    public mutating func add(ipPacket: [UInt8]) {
        timeMicros += 1000
        let etherType: [UInt8] = (ipPacket.first ?? 0) >> 4 == 6 ? [0x86, 0xDD] : [0x08, 0x00]
        let frame = [UInt8](repeating: 0x02, count: 12) + etherType + ipPacket
        append32(UInt32(timeMicros / 1_000_000))
        append32(UInt32(timeMicros % 1_000_000))
        append32(UInt32(frame.count))
        append32(UInt32(frame.count))
        data.append(contentsOf: frame)
    }

    /// Writes the capture to `path`.
    public func write(to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// An IPv4 packet (header checksum filled in); `fragmentOffset` in bytes, `moreFragments` sets MF.
    public static func ipv4(
        from source: [UInt8],
        to destination: [UInt8],
        protocol number: UInt8,
        payload: [UInt8],
        identifier: UInt16 = 1,
        fragmentOffset: Int = 0,
        moreFragments: Bool = false
    ) -> [UInt8] {
        let total = 20 + payload.count
        let flags = UInt16(fragmentOffset / 8) | (moreFragments ? 0x2000 : 0)
        var header: [UInt8] = [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), UInt8(identifier >> 8), UInt8(identifier & 0xFF),
            UInt8(flags >> 8), UInt8(flags & 0xFF), 64, number, 0, 0,
        ]
        header += source + destination
        var sum: UInt32 = 0
        for index in stride(from: 0, to: 20, by: 2) { sum += UInt32(header[index]) << 8 | UInt32(header[index + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        return header + payload
    }

    /// An IPv6 packet with no extension headers.
    public static func ipv6(
        from source: [UInt8],
        to destination: [UInt8],
        nextHeader: UInt8,
        payload: [UInt8]
    )
        -> [UInt8]
    {
        [0x60, 0, 0, 0, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF), nextHeader, 64] + source + destination
            + payload
    }

    /// A UDP datagram (checksum 0).
    public static func udp(sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]) -> [UInt8] {
        let length = 8 + payload.count
        return [
            UInt8(sourcePort >> 8), UInt8(sourcePort & 0xFF), UInt8(destinationPort >> 8),
            UInt8(destinationPort & 0xFF), UInt8(length >> 8), UInt8(length & 0xFF), 0, 0,
        ] + payload
    }

    /// The flags of a TCP header.
    public struct TCPFlags: OptionSet, Sendable {
        /// The raw flag bits (byte 13 of the header).
        public var rawValue: UInt8

        /// Flags from their bits.
        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// FIN.
        public static let fin = TCPFlags(rawValue: 0x01)
        /// SYN.
        public static let syn = TCPFlags(rawValue: 0x02)
        /// RST.
        public static let rst = TCPFlags(rawValue: 0x04)
        /// PSH.
        public static let psh = TCPFlags(rawValue: 0x08)
        /// ACK.
        public static let ack = TCPFlags(rawValue: 0x10)
    }

    /// A TCP segment (20-byte header, window 65535) with its checksum over the IPv4 pseudo-header of `source` and
    /// `destination`.
    public static func tcp(
        from source: [UInt8],
        to destination: [UInt8],
        sourcePort: UInt16,
        destinationPort: UInt16,
        sequence: UInt32,
        acknowledgement: UInt32,
        flags: TCPFlags,
        payload: [UInt8]
    ) -> [UInt8] {
        var segment: [UInt8] =
            [
                UInt8(sourcePort >> 8), UInt8(sourcePort & 0xFF), UInt8(destinationPort >> 8),
                UInt8(destinationPort & 0xFF),
            ]
            + u32(sequence) + u32(acknowledgement) + [0x50, flags.rawValue, 0xFF, 0xFF, 0, 0, 0, 0] + payload
        let length = segment.count
        let pseudo = source + destination + [0, 6, UInt8(length >> 8), UInt8(length & 0xFF)]
        var sum: UInt32 = 0
        let all = pseudo + segment + (length % 2 == 1 ? [0] : [])
        for index in stride(from: 0, to: all.count, by: 2) { sum += UInt32(all[index]) << 8 | UInt32(all[index + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        segment[16] = UInt8(checksum >> 8)
        segment[17] = UInt8(checksum & 0xFF)
        return segment
    }

    /// A RADIUS message: `attributes` are (type, value) pairs.
    public static func radius(code: UInt8, identifier: UInt8, attributes: [(UInt8, [UInt8])]) -> [UInt8] {
        let body = attributes.flatMap { [$0.0, UInt8($0.1.count + 2)] + $0.1 }
        let length = 20 + body.count
        return [code, identifier, UInt8(length >> 8), UInt8(length & 0xFF)] + [UInt8](repeating: 0x11, count: 16)
            + body
    }

    /// A big-endian 32-bit attribute value.
    public static func u32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private mutating func append32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private mutating func append16(_ value: UInt16) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
