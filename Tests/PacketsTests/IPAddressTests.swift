import Packets
import Testing

@Suite("IPAddress and IPPrefix")
struct IPAddressTests {
    @Test(
        "text round-trips to its canonical form",
        arguments: [
            ("192.0.2.1", "192.0.2.1"),
            ("0.0.0.0", "0.0.0.0"),
            ("255.255.255.255", "255.255.255.255"),
            ("2001:db8::1", "2001:db8::1"),
            ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
            ("fe80::1:2:3:4", "fe80::1:2:3:4"),
            ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
            ("64:ff9b::198.51.100.7", "64:ff9b::c633:6407"),
            ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ]
    )
    func canonicalText(input: String, canonical: String) throws {
        let address = try #require(IPAddress(input))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(
        "bad text is rejected",
        arguments: [
            "999.1.1.1", "1.2.3", "::g", "", "1.2.3.4.5", "01.2.3.4", "1.2.3.", " 1.2.3.4", "1.2.3.4 ", "256.0.0.1",
            "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "1:2:3:4:5:6:7:8::", "12345::", "fe80::1%eth0", "::1.2.3",
            "1.2.3.4::", "2001:db8:::1", ":1::", "1:2:3:4:5:6:7", "a.b.c.d", "999.1.1",
        ]
    )
    func badText(input: String) {
        #expect(IPAddress(input) == nil)
    }

    @Test("values, halves and bytes")
    func valuesAndBytes() throws {
        let v4 = IPAddress.v4(0xC000_0201)
        #expect(v4 == IPAddress("192.0.2.1"))
        #expect(v4.isIPv4)
        #expect(v4.v4Value == 0xC000_0201)
        #expect(v4.high == 0 && v4.low == 0xC000_0201)
        #expect(v4.bytes == [192, 0, 2, 1])

        let v6 = try #require(IPAddress("2001:db8::ff00:42:8329"))
        #expect(!v6.isIPv4)
        #expect(v6.v4Value == 0)
        #expect(v6.high == 0x2001_0DB8_0000_0000)
        #expect(v6.low == 0x0000_FF00_0042_8329)
        #expect(v6.bytes == [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0x42, 0x83, 0x29])

        #expect(v4.bytes.withUnsafeBytes { IPAddress(bytes: $0) } == v4)
        #expect(v6.bytes.withUnsafeBytes { IPAddress(bytes: $0) } == v6)
        #expect([UInt8](repeating: 1, count: 5).withUnsafeBytes { IPAddress(bytes: $0) } == nil)
        #expect([UInt8]().withUnsafeBytes { IPAddress(bytes: $0) } == nil)
    }

    @Test("IPv4 sorts before IPv6, then by value; v4 and v6 with equal bits differ")
    func ordering() throws {
        let low = try #require(IPAddress("10.0.0.1"))
        let high = try #require(IPAddress("10.0.0.2"))
        let v6 = try #require(IPAddress("::1"))
        #expect(low < high)
        #expect(high < v6)
        #expect(IPAddress.v4(1) != IPAddress.v6(high: 0, low: 1))
        #expect([v6, high, low].sorted() == [low, high, v6])
    }

    @Test(
        "masking to a prefix length",
        arguments: [
            ("192.0.2.255", 24, "192.0.2.0"),
            ("192.0.2.255", 0, "0.0.0.0"),
            ("192.0.2.255", 32, "192.0.2.255"),
            ("192.0.2.255", 40, "192.0.2.255"),
            ("192.0.2.255", -3, "0.0.0.0"),
            ("2001:db8:aaaa:bbbb:cccc::1", 48, "2001:db8:aaaa::"),
            ("2001:db8:aaaa:bbbb:cccc::1", 64, "2001:db8:aaaa:bbbb::"),
            ("2001:db8:aaaa:bbbb:cccc::1", 72, "2001:db8:aaaa:bbbb:cc00::"),
            ("2001:db8:aaaa:bbbb:cccc::1", 128, "2001:db8:aaaa:bbbb:cccc::1"),
            ("2001:db8:aaaa:bbbb:cccc::1", 0, "::"),
        ]
    )
    func masking(input: String, length: Int, expected: String) throws {
        let address = try #require(IPAddress(input))
        #expect(address.masked(toPrefixLength: length).description == expected)
    }

    @Test(
        "prefix text",
        arguments: [
            ("198.51.100.0/24", "198.51.100.0/24"),
            ("198.51.100.77/24", "198.51.100.0/24"),
            ("198.51.100.77", "198.51.100.77/32"),
            ("0.0.0.0/0", "0.0.0.0/0"),
            ("2001:db8::/56", "2001:db8::/56"),
            ("2001:db8::1", "2001:db8::1/128"),
            ("2001:DB8:0:ff::/48", "2001:db8::/48"),
        ]
    )
    func prefixText(input: String, canonical: String) throws {
        let prefix = try #require(IPPrefix(input))
        #expect(prefix.description == canonical)
    }

    @Test(
        "bad prefix text",
        arguments: [
            "198.51.100.0/33", "2001:db8::/129", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/+8", "/24", "1.2.3/8",
            "1.2.3.4/8/8", "1.2.3.4/0x8", "::g/64",
        ]
    )
    func badPrefixText(input: String) {
        #expect(IPPrefix(input) == nil)
    }

    @Test("prefix containment and clamping")
    func containment() throws {
        let prefix = try #require(IPPrefix("198.51.100.0/24"))
        #expect(prefix.contains(try #require(IPAddress("198.51.100.77"))))
        #expect(!prefix.contains(try #require(IPAddress("198.51.101.77"))))
        #expect(!prefix.contains(IPAddress.v6(high: 0, low: 0xC633_644D)))
        let v6 = try #require(IPPrefix("2001:db8:1200::/40"))
        #expect(v6.contains(try #require(IPAddress("2001:db8:12ff::9"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db8:1300::9"))))
        #expect(IPPrefix(address: .v4(0xC633_644D), length: 99).length == 32)
        #expect(IPPrefix(address: .v4(0xC633_644D), length: -1) == IPPrefix("0.0.0.0/0"))
        #expect(IPPrefix(address: .v6(high: 1, low: 1), length: 500).length == 128)
        let everything = try #require(IPPrefix("::/0"))
        #expect(everything.contains(try #require(IPAddress("ffff::1"))))
        #expect(!everything.contains(.v4(1)))
    }
}
