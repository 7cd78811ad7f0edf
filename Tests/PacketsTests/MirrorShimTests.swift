import Packets
import TestSupport
import Testing

@Suite("Vendor mirror shims on vendor-mirror.pcap and on malformed input")
struct MirrorShimTests {
    /// The mirrored datagrams of the capture sent to the collector 192.0.2.90 on `port`, unwrapped as `format`.
    private func unwrapped(port: UInt16, format: MirrorShimFormat) throws -> [Result<MirroredPacket, MirrorShimError>] {
        let collector = try #require(IPAddress("192.0.2.90"))
        var results: [Result<MirroredPacket, MirrorShimError>] = []
        for frame in try PcapCaptures.frames("vendor-mirror.pcap") {
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            guard packet.transportProtocol == 17, packet.destination == collector, packet.destinationPort == port
            else { continue }
            let payload = Array(frame.bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)])
            results.append(
                payload.withUnsafeBytes { bytes in
                    Result { () throws(MirrorShimError) in try MirrorShim.unwrap(bytes, format: format) }
                }
            )
        }
        return results
    }

    @Test("JMirror: id in the low 30 bits, session id as CIN, no direction; unconfigured and header-only apart")
    func jmirror() throws {
        let results = try unwrapped(port: 30030, format: .jmirror)
        let packets = results.compactMap { try? $0.get() }
        let target = packets.filter { $0.interceptID == 51234 }
        #expect(target.count == 16)
        #expect(target.filter { $0.sessionID == 0xF001 }.count == 14)
        #expect(target.filter { $0.sessionID == 0xF002 }.count == 2)
        #expect(target.allSatisfy { $0.direction == .unknown && $0.ipOffset == 8 })
        #expect(packets.filter { $0.interceptID == 0xC823 }.count == 2)
        #expect(results.filter { (try? $0.get()) == nil }.count == 1)
    }

    @Test(
        "ALU: MHV 01 gives the direction and a 29-bit id, MHV 00 a 30-bit id; VLAN, PPPoE and MPLS walked; ARP is no IP"
    )
    func alu() throws {
        let results = try unwrapped(port: 30031, format: .alu)
        let packets = results.compactMap { try? $0.get() }
        let target = packets.filter { $0.interceptID == 4242 }
        #expect(target.count == 18)
        #expect(target.filter { $0.direction == .fromSubscriber }.count == 9)
        #expect(target.filter { $0.direction == .toSubscriber }.count == 7)
        #expect(target.filter { $0.direction == .unknown }.count == 2)
        #expect(target.filter { $0.sessionID == 0x00A1_B2C3 }.count == 16)
        #expect(target.filter { $0.sessionID == 0x00A1_B2C4 }.count == 2)
        #expect(packets.filter { $0.interceptID == 4243 }.count == 2)
        let failures = results.compactMap { result -> MirrorShimError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(failures == [.notIP])
    }

    @Test("Cisco: all 32 bits are the id, which is also the CIN; a header-only datagram is short")
    func cisco() throws {
        let results = try unwrapped(port: 30032, format: .cisco)
        let packets = results.compactMap { try? $0.get() }
        let target = packets.filter { $0.interceptID == 777_001 }
        #expect(target.count == 12)
        #expect(target.allSatisfy { $0.sessionID == 777_001 && $0.ipOffset == 4 && $0.direction == .unknown })
        #expect(packets.filter { $0.interceptID == 777_002 }.count == 2)
        let failures = results.compactMap { result -> MirrorShimError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(failures == [.short])
    }

    @Test("truncated shims, lying lengths and random bytes never trap and stay inside the payload")
    func malformed() {
        var generator = SeededGenerator(seed: 13)
        for format in MirrorShimFormat.allCases {
            for length in 0...format.headerLength {
                let payload = [UInt8](repeating: 0x45, count: length)
                let result = payload.withUnsafeBytes { bytes in
                    Result { () throws(MirrorShimError) in try MirrorShim.unwrap(bytes, format: format) }
                }
                #expect((try? result.get()) == nil)
            }
            var lying = [UInt8](repeating: 0, count: format.headerLength)
            lying += format == .alu ? [UInt8](repeating: 0, count: 12) + [0x08, 0x00] : []
            lying += [0x45, 0, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 16)
            lying.withUnsafeBytes { bytes in
                if let packet = try? MirrorShim.unwrap(bytes, format: format) {
                    #expect(packet.ipOffset + packet.ipLength <= bytes.count)
                }
            }
            for _ in 0..<2000 {
                let payload = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
                payload.withUnsafeBytes { bytes in
                    if let packet = try? MirrorShim.unwrap(bytes, format: format) {
                        #expect(packet.ipOffset >= format.headerLength)
                        #expect(packet.ipOffset + packet.ipLength <= bytes.count)
                    }
                }
            }
        }
    }
}
