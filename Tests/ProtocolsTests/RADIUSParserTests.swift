import Packets
import Protocols
import TestSupport
import Testing

@Suite("RADIUSParser on hand-built packets")
struct RADIUSParserTests {
    static let stop = RADIUSTestSupport.message(
        code: 4,
        identifier: 9,
        attributes: [
            (40, RADIUSTestSupport.uint32(2)),
            (1, Array("bob".utf8) + [0, 0]),
            (44, Array("S-1".utf8)),
            (26, [0, 0, 0x0A, 0x4C, 1, 4, 0xDE, 0xAD]),
            (42, RADIUSTestSupport.uint32(5)),
            (52, RADIUSTestSupport.uint32(2)),
            (43, RADIUSTestSupport.uint32(0xFFFF_FFFF)),
            (53, RADIUSTestSupport.uint32(1)),
            (49, RADIUSTestSupport.uint32(11)),
            (30, Array("00-11-22-33-44-55:ssid".utf8)),
            (32, Array("nas-1".utf8)),
            (87, Array("eth0/1/2:100".utf8)),
        ]
    )

    @Test("integers, strings and gigaword counters")
    func accountingStop() throws {
        let message = try RADIUSTestSupport.parse(Self.stop).get()
        #expect(message.code == .accountingRequest && message.identifier == 9)
        #expect(message.authenticator == (0..<16).map { UInt8($0) })
        #expect(message.acctStatusType == .stop)
        #expect(message.userName == "bob")
        #expect(message.acctSessionID == "S-1")
        #expect(message.acctInputOctets == 2 << 32 | 5)
        #expect(message.acctOutputOctets == 1 << 32 | 0xFFFF_FFFF)
        #expect(message.acctTerminateCause == 11)
        #expect(message.calledStationID == "00-11-22-33-44-55:ssid")
        #expect(message.nasIdentifier == "nas-1")
        #expect(message.nasPortID == "eth0/1/2:100")
    }

    @Test("IPv6 attributes: NAS-IPv6-Address, Framed-IPv6-Prefix, Delegated-IPv6-Prefix, Framed-IPv6-Address")
    func ipv6Attributes() throws {
        let nas = try #require(IPAddress("2001:db8::9"))
        let framed = try #require(IPAddress("2001:db8:1:2::77"))
        let bytes = RADIUSTestSupport.message(
            code: 2,
            attributes: [
                (95, nas.bytes),
                (97, [0, 64, 0x20, 0x01, 0x0D, 0xB8, 0, 1, 0, 2]),
                (123, [0, 56] + (try #require(IPAddress("2001:db8:ff00::"))).bytes),
                (168, framed.bytes),
            ]
        )
        let message = try RADIUSTestSupport.parse(bytes).get()
        #expect(message.nasIPv6Address == nas)
        #expect(message.framedIPv6Prefix == IPPrefix("2001:db8:1:2::/64"))
        #expect(message.delegatedIPv6Prefix == IPPrefix("2001:db8:ff00::/56"))
        #expect(message.framedIPv6Address == framed)
    }

    @Test(
        "prefix values: short, zero-length, and invalid ones",
        arguments: [
            ([UInt8](arrayLiteral: 0, 0), "::/0"),
            ([0, 32, 0x20, 0x01, 0x0D, 0xB8], "2001:db8::/32"),
            ([0, 48, 0x20, 0x01, 0x0D, 0xB8], "2001:db8::/48"),
            ([0, 129, 0x20, 0x01], nil),
            ([0], nil),
            ([0, 128] + [UInt8](repeating: 0xFF, count: 17), nil),
        ]
    )
    func prefixValues(value: [UInt8], expected: String?) throws {
        let message = try RADIUSTestSupport.parse(RADIUSTestSupport.message(code: 2, attributes: [(97, value)])).get()
        #expect(message.framedIPv6Prefix == expected.flatMap { IPPrefix($0) })
    }

    @Test("unknown status values keep their raw value; wrong-size values are skipped; the first copy wins")
    func oddValues() throws {
        let bytes = RADIUSTestSupport.message(
            code: 4,
            attributes: [
                (40, RADIUSTestSupport.uint32(15)),
                (8, [10, 0, 0]),
                (8, [10, 0, 0, 1]),
                (8, [10, 0, 0, 2]),
                (5, [1, 2]),
                (1, []),
                (1, [0x61, 0xFF, 0x62]),
                (1, Array("second".utf8)),
                (44, [0, 0]),
            ]
        )
        let message = try RADIUSTestSupport.parse(bytes).get()
        #expect(message.acctStatusType == nil && message.acctStatusTypeRaw == 15)
        #expect(message.framedIPAddress == IPAddress("10.0.0.1"))
        #expect(message.nasPort == nil)
        #expect(message.userName == "a\u{FFFD}b")
        #expect(message.acctSessionID == "")
    }

    @Test(
        "every code is accepted; unknown codes are rejected",
        arguments: [UInt8](0...255)
    )
    func codes(code: UInt8) {
        let result = RADIUSTestSupport.parse(RADIUSTestSupport.message(code: code, attributes: []))
        if let known = RADIUSCode(rawValue: code) {
            #expect(result.map(\.code) == .success(known))
        } else {
            #expect(result == .failure(.unknownCode))
        }
    }

    @Test("bytes after the header's Length are ignored; a lone byte inside it is a bad attribute")
    func lengthBoundaries() throws {
        let message = try RADIUSTestSupport.parse(Self.stop + [1, 200, 9, 9]).get()
        #expect(message.userName == "bob")
        var lone = Self.stop + [1]
        lone[3] += 1
        #expect(RADIUSTestSupport.parse(lone) == .failure(.badAttribute))
        var shortHeader = Self.stop
        shortHeader[2] = 0
        shortHeader[3] = 19
        #expect(RADIUSTestSupport.parse(shortHeader) == .failure(.badLength))
        #expect(RADIUSTestSupport.parse(Array(Self.stop[0..<19])) == .failure(.tooShort))
        #expect(RADIUSTestSupport.parse([]) == .failure(.tooShort))
    }

    @Test("every truncation of a valid message fails cleanly; trimming the Length too parses or fails cleanly")
    func truncations() {
        for length in 0..<Self.stop.count {
            let cut = Array(Self.stop[0..<length])
            #expect(RADIUSTestSupport.parse(cut) == .failure(length < 20 ? .tooShort : .badLength))
            guard length >= 20 else {
                continue
            }
            var consistent = cut
            consistent[2] = UInt8(length >> 8)
            consistent[3] = UInt8(truncatingIfNeeded: length)
            switch RADIUSTestSupport.parse(consistent) {
            case .success(let message):
                #expect(message.code == .accountingRequest)
            case .failure(let error):
                #expect(error == .badAttribute)
            }
        }
    }

    @Test("random payloads, raw and with a plausible header, never trap")
    func randomPayloads() {
        var generator = SeededGenerator(seed: 0x1812)
        var parsed = 0
        for round in 0..<10_000 {
            var bytes = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            if round % 2 == 0 && bytes.count >= 20 {
                bytes[0] = [1, 2, 4, 5, 40, 43][round / 2 % 6]
                bytes[2] = 0
                bytes[3] = UInt8(bytes.count)
                var offset = 20
                while offset + 1 < bytes.count, round % 4 == 0 {
                    bytes[offset + 1] = UInt8(min(bytes.count - offset, Int.random(in: 2...8, using: &generator)))
                    offset += Int(bytes[offset + 1])
                }
            }
            if case .success = RADIUSTestSupport.parse(bytes) {
                parsed += 1
            }
        }
        #expect(parsed > 100)
    }

    @Test("RADIUSError descriptions are stable words")
    func errorDescriptions() {
        #expect(
            [RADIUSError.tooShort, .badLength, .badAttribute, .unknownCode].map(\.description)
                == ["too_short", "bad_length", "bad_attribute", "unknown_code"]
        )
    }
}
