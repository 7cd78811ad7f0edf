import Packets
import Protocols
import TestSupport
import Testing

/// The GTP-C parsers on the crafted GTPv2 (S5/S8) and GTPv1 (Gn) captures, against what their JSON describes.
@Suite struct GTPCaptureTests {
    /// The GTP-C payloads (UDP port 2123) of a capture, in order.
    static func controlPayloads(_ name: String) throws -> [[UInt8]] {
        try SIPTestSupport.datagrams(name)
            .filter { $0.packet.sourcePort == 2123 || $0.packet.destinationPort == 2123 }
            .map(\.payload)
    }

    static func address(_ text: String) -> IPAddress? { IPAddress(text) }

    @Test func gtpv2SessionParses() throws {
        let messages = try Self.controlPayloads("gtp-session.pcap").map { payload in
            try payload.withUnsafeBytes { bytes throws(GTPError) in try GTPv2Parser.parse(bytes) }
        }
        let request = try #require(messages.first { $0.type == .createSessionRequest && $0.imsi == "001011234500017" })
        #expect(request.msisdn == "447700900123" && request.mei == "356938035643809")
        #expect(request.apn == "mobile.example")
        #expect(request.senderControlTEID?.teid == 0x2c00_0101)
        #expect(request.senderControlTEID?.ipv4 == Self.address("192.0.2.40"))
        let downlink = try #require(request.bearers.first?.fteids.first)
        #expect(downlink.teid == 0x2c01_0101 && downlink.ipv4 == Self.address("192.0.2.42"))
        #expect(request.bearers.first?.ebi == 5)
        let response = try #require(
            messages.first { $0.type == .createSessionResponse && $0.sequence == request.sequence }
        )
        #expect(response.isAccepted && response.teid == 0x2c00_0101)
        #expect(response.pdnAddress?.ipv4 == Self.address("198.51.100.60"))
        #expect(response.fteids.map(\.teid) == [0x7e00_a101] && response.fteids.first?.instance == 1)
        let uplink = try #require(response.bearers.first?.fteids.first)
        #expect(uplink.teid == 0x7e01_a101 && uplink.ipv4 == Self.address("192.0.2.43"))
        #expect(messages.contains { $0.type == .modifyBearerRequest && $0.teid == 0x7e00_a101 })
        #expect(messages.contains { $0.type == .deleteSessionResponse && $0.teid == 0x2c00_0101 && $0.isAccepted })
        #expect(messages.filter { $0.type == .echoRequest }.count >= 1)
    }

    @Test func gtpv1SessionParses() throws {
        let messages = try Self.controlPayloads("gtp-v1-session.pcap").map { payload in
            try payload.withUnsafeBytes { bytes throws(GTPError) in try GTPv1Parser.parse(bytes) }
        }
        let creates = messages.filter { $0.type == .createPDPContextRequest && $0.imsi == "001012223334445" }
        #expect(creates.map(\.apn) == ["internt.example", "internet.example"])
        let request = try #require(creates.last)
        #expect(request.msisdn == "447700900456" && request.imei == "8614370412345607")
        #expect(request.controlTEID == 0x3100_0002 && request.dataTEID == 0x3110_0002)
        #expect(request.gsnAddresses == [[192, 0, 2, 44], [192, 0, 2, 45]])
        let responses = messages.filter { $0.type == .createPDPContextResponse }
        #expect(responses.contains { $0.cause == 219 && !$0.isAccepted })
        let accepted = try #require(responses.first { $0.sequence == request.sequence })
        #expect(accepted.isAccepted && accepted.teid == 0x3100_0002)
        #expect(accepted.endUserAddress?.ipv4 == Self.address("198.51.100.62"))
        #expect(accepted.controlTEID == 0x9a00_0201 && accepted.dataTEID == 0x9a10_0201)
        #expect(accepted.gsnAddresses == [[192, 0, 2, 46], [192, 0, 2, 47]])
        #expect(messages.contains { $0.type == .updatePDPContextResponse && $0.isAccepted })
        #expect(messages.contains { $0.type == .deletePDPContextResponse && $0.teid == 0x3100_0002 })
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func malformedInputIsAnErrorNotACrash(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let real = try Self.controlPayloads("gtp-session.pcap") + Self.controlPayloads("gtp-v1-session.pcap")
        for _ in 0..<2000 {
            var bytes = real.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) {
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            }
            bytes.withUnsafeBytes { buffer in
                _ = try? GTPv2Parser.parse(buffer)
                _ = try? GTPv1Parser.parse(buffer)
            }
        }
        let lying: [UInt8] = [0x48, 32, 0x00, 0x20, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0x01, 0x00, 0, 0x21]
        #expect(throws: GTPError.self) { try lying.withUnsafeBytes { b throws(GTPError) in try GTPv2Parser.parse(b) } }
        let nested: [UInt8] = [0x48, 32, 0, 20, 0, 0, 0, 0, 0, 0, 1, 0, 93, 0, 8, 0, 93, 0, 4, 0, 73, 0, 0, 0]
        #expect(throws: GTPError.self) { try nested.withUnsafeBytes { b throws(GTPError) in try GTPv2Parser.parse(b) } }
    }

    @Test func pdnAddressesOfEachTypeAndTheAMBR() throws {
        func paa(_ value: [UInt8]) throws -> GTPv2Message {
            let element: [UInt8] = [79, 0, UInt8(value.count), 0] + value
            let ambr: [UInt8] = [72, 0, 8, 0, 0, 0, 0xC3, 0x50, 0, 0x02, 0x49, 0xF0]
            let body = element + ambr
            let message: [UInt8] = [0x48, 33, 0, UInt8(8 + body.count), 0, 0, 0, 1, 0, 0, 7, 0] + body
            return try message.withUnsafeBytes { bytes throws(GTPError) in try GTPv2Parser.parse(bytes) }
        }
        let v6Prefix: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let v4 = try paa([1, 100, 64, 0, 1])
        #expect(v4.pdnAddress?.ipv4 == Self.address("100.64.0.1") && v4.apnAMBR?.count == 8)
        let v6 = try paa([2, 64] + v6Prefix)
        #expect(v6.pdnAddress?.ipv6 == Self.address("2001:db8:1::") && v6.pdnAddress?.ipv6PrefixLength == 64)
        let both = try paa([3, 64] + v6Prefix + [100, 64, 0, 2])
        #expect(both.pdnAddress?.ipv4 == Self.address("100.64.0.2") && both.pdnAddress?.ipv6 != nil)
        #expect(throws: GTPError.self) { try paa([2, 64, 0x20]) }
        #expect(throws: GTPError.self) { try paa([7, 1, 2, 3, 4]) }
    }
}
