import Packets

/// `decode-ipv4-tcp` and `decode-vlan-mpls`: ``PacketDecoder/decode(_:linkType:decapsulation:)`` of one Ethernet frame, as a
/// shard does for every packet it captures.
///
/// Each ring holds 64 frames of a 500-byte IPv4/TCP packet (32-byte TCP header) between different addresses and
/// ports; `decode-vlan-mpls` puts an 802.1Q tag and a two-label MPLS stack in front of it.
enum DecodeBenchmarks {
    /// The decode benchmarks.
    static var all: [Benchmark] {
        [
            Benchmark(name: "decode-ipv4-tcp") { () throws(MicrobenchError) in
                try loop(name: "decode-ipv4-tcp", frames(vlanTags: [], mplsLabels: []))
            },
            Benchmark(name: "decode-vlan-mpls") { () throws(MicrobenchError) in
                try loop(name: "decode-vlan-mpls", frames(vlanTags: [100], mplsLabels: [16_001, 24_017]))
            },
        ]
    }

    /// 64 Ethernet frames of a 500-byte IPv4/TCP packet behind `vlanTags` and `mplsLabels`.
    private static func frames(vlanTags: [UInt16], mplsLabels: [UInt32]) -> [[UInt8]] {
        (0..<64).map { index in
            let segment = FrameBuilder.tcp(
                sourcePort: UInt16(49_152 + index * 13),
                destinationPort: index % 2 == 0 ? 443 : 80,
                sequence: UInt32(index) &* 2_654_435_761,
                payload: FrameBuilder.filler(500 - 20 - 32, seed: index)
            )
            let packet = FrameBuilder.ipv4(
                source: 0x6440_0000 + UInt32(index) * 257,
                destination: 0xC633_6400 + UInt32(index),
                protocol: 6,
                payload: segment
            )
            return FrameBuilder.ethernet(vlanTags: vlanTags, mplsLabels: mplsLabels, ipPacket: packet)
        }
    }

    /// Checks that every frame decodes to TCP, then returns the loop that decodes them in turn.
    private static func loop(name: String, _ frames: [[UInt8]]) throws(MicrobenchError) -> Benchmark.Loop {
        let ring = try InputRing(frames, name: name)
        let failures = ring.withView { view in
            (0..<ring.count).filter { index in
                (try? PacketDecoder.decode(view[index], linkType: .ethernet))?.transportProtocol != 6
            }
        }
        guard failures.isEmpty else {
            throw MicrobenchError("\(name): frames \(failures) do not decode to TCP")
        }
        return { iterations in
            ring.withView { view in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let packet = try? PacketDecoder.decode(view[iteration], linkType: .ethernet) {
                        checksum &+= packet.source.low &+ UInt64(packet.sourcePort) &+ UInt64(packet.payloadOffset)
                    }
                }
                return checksum
            }
        }
    }
}
