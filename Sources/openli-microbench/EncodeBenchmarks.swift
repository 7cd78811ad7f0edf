import ETSI

/// `encode-ipcc-1500`, `encode-ipcc-64`, `pspdu-write` and `encode-ipmmcc-rtp`: the CC encoding a shard does per
/// target packet and the stitching the sequencer does per record.
///
/// The writers append to one buffer per timed round, emptied (capacity kept) before each record, as a shard's
/// record arena is between batches. `pspdu-write` writes the header template of one warrant, the CIN, a
/// sequence number that grows by one per record, a capture time that grows by 20 µs, and the IPCC payload element
/// of a 1500-byte packet, as ``Sequencer`` does. Each ring holds 8 different packets of the size named.
enum EncodeBenchmarks {
    /// The encoding benchmarks.
    static var all: [Benchmark] {
        [
            Benchmark(name: "encode-ipcc-1500") { () throws(MicrobenchError) in
                try ipccLoop(name: "encode-ipcc-1500", packetLength: 1500)
            },
            Benchmark(name: "encode-ipcc-64") { () throws(MicrobenchError) in
                try ipccLoop(name: "encode-ipcc-64", packetLength: 64)
            },
            Benchmark(name: "pspdu-write") { () throws(MicrobenchError) in
                try pspduLoop()
            },
            Benchmark(name: "encode-ipmmcc-rtp") { () throws(MicrobenchError) in
                try ipmmccLoop()
            },
        ]
    }

    /// 8 IPv4/UDP packets of `length` bytes (at least 28).
    private static func udpPackets(length: Int) -> [[UInt8]] {
        (0..<8).map { index in
            let datagram = FrameBuilder.udp(
                sourcePort: UInt16(40_000 + index),
                destinationPort: 4_500,
                payload: FrameBuilder.filler(length - 28, seed: index)
            )
            return FrameBuilder.ipv4(
                source: 0x0A00_0101 + UInt32(index),
                destination: 0xC633_6407,
                protocol: 17,
                payload: datagram
            )
        }
    }

    /// The buffer a writer appends to, with room for the largest record of the benchmark.
    private static func buffer(capacity: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        return out
    }

    private static func ipccLoop(name: String, packetLength: Int) throws(MicrobenchError) -> Benchmark.Loop {
        let ring = try InputRing(udpPackets(length: packetLength), name: name)
        let capacity = IPCCPayload.encodedLength(ipPacketLength: packetLength)
        return { iterations in
            ring.withView { view in
                var out = buffer(capacity: capacity)
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    out.removeAll(keepingCapacity: true)
                    IPCCPayload.write(
                        profile: .current,
                        direction: iteration & 1 == 0 ? .fromTarget : .toTarget,
                        ipPacket: view[iteration],
                        into: &out
                    )
                    checksum &+= UInt64(out.count) &+ UInt64(out[out.count - 1 - (iteration & 7)])
                }
                return checksum
            }
        }
    }

    private static func pspduLoop() throws(MicrobenchError) -> Benchmark.Loop {
        let payloads = udpPackets(length: 1500).map { packet in
            var element: [UInt8] = []
            packet.withUnsafeBytes { bytes in
                IPCCPayload.write(profile: .current, direction: .toTarget, ipPacket: bytes, into: &element)
            }
            return element
        }
        let ring = try InputRing(payloads, name: "pspdu-write")
        let header = PSHeaderTemplate(
            profile: .current,
            liid: "LIID-BENCH-0042",
            authorizationCountryCode: "NZ",
            operatorIdentifier: "openli-op",
            networkElementIdentifier: "collector-1",
            deliveryCountryCode: "NZ",
            interceptionPointID: "shard0"
        )
        let startMicros: Int64 = 1_767_225_600_000_000
        let capacity = ring.length + 256
        return { iterations in
            ring.withView { view in
                var out = buffer(capacity: capacity)
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    out.removeAll(keepingCapacity: true)
                    PSPDUWriter.write(
                        header: header,
                        cin: 0x1234_5678,
                        sequence: UInt64(iteration),
                        time: Timestamp(epochMicros: startMicros + Int64(iteration) * 20),
                        payload: view[iteration],
                        into: &out
                    )
                    checksum &+= UInt64(out.count) &+ UInt64(out[40 + (iteration & 7)])
                }
                return checksum
            }
        }
    }

    /// A 200-byte IPv4/UDP packet of G.711 RTP (20 ms, 160 bytes of audio), written as the shard writes media.
    private static func ipmmccLoop() throws(MicrobenchError) -> Benchmark.Loop {
        let packets = (0..<8).map { index in
            let rtp = FrameBuilder.rtp(
                sequence: UInt16(1_000 + index),
                timestamp: UInt32(160 * index),
                ssrc: 0x1EAF_0042,
                samples: 160
            )
            let datagram = FrameBuilder.udp(sourcePort: 16_384, destinationPort: 20_000, payload: rtp)
            return FrameBuilder.ipv4(source: 0x0A64_0003, destination: 0xC633_6401, protocol: 17, payload: datagram)
        }
        let ring = try InputRing(packets, name: "encode-ipmmcc-rtp")
        guard ring.length == 200 else {
            throw MicrobenchError("encode-ipmmcc-rtp: the packet has \(ring.length) bytes instead of 200")
        }
        let capacity = IPMMCCPayload.encodedLength(frameLength: ring.length)
        return { iterations in
            ring.withView { view in
                var out = buffer(capacity: capacity)
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    out.removeAll(keepingCapacity: true)
                    IPMMCCPayload.write(
                        profile: .current,
                        direction: .fromTarget,
                        frame: view[iteration],
                        frameType: .ipFrame,
                        mmccProtocol: .rtp,
                        into: &out
                    )
                    checksum &+= UInt64(out.count) &+ UInt64(out[out.count - 8 + (iteration & 3)])
                }
                return checksum
            }
        }
    }
}
