import Collector
import Packets
import TestSupport
import Testing

/// The shards' open-addressing table answers exactly as a dictionary with the same entries: hits, misses, IPv4
/// and IPv6 addresses that share their low bits, media 4-tuples that differ in one port, and an empty table.
struct ProbeTableTests {
    @Test func addressesAnswerAsADictionary() {
        var generator = SeededGenerator(seed: 11)
        var dictionary: [IPAddress: Int] = [:]
        for index in 0..<5_000 {
            let low = UInt64.random(in: 0...UInt64(UInt32.max), using: &generator)
            dictionary[.v4(UInt32(low))] = index
            dictionary[.v6(high: 0x2001_0DB8_0000_0000, low: low)] = -index
        }
        let table = ProbeTable(dictionary)
        #expect(table.count == dictionary.count)
        for (key, value) in dictionary { #expect(table[key] == value) }
        for _ in 0..<20_000 {
            let probe = IPAddress.v4(UInt32.random(in: 0...UInt32.max, using: &generator))
            #expect(table[probe] == dictionary[probe])
        }
        #expect(table[.v6(high: 0x2001_0DB8_0000_0001, low: 1)] == nil)
    }

    @Test func mediaKeysDifferingInOnePortAreDistinct() {
        let key = MediaKey(
            source: .v4(0xC000_0201),
            sourcePort: 40_000,
            destination: .v4(0xC633_6401),
            destinationPort: 50_000
        )
        var other = key
        other.destinationPort += 1
        let table = ProbeTable([key: "rtp", key.reversed: "back"])
        #expect(table[key] == "rtp")
        #expect(table[key.reversed] == "back")
        #expect(table[other] == nil)
    }

    @Test func emptyTableFindsNothing() {
        let table = ProbeTable<IPAddress, Int>([:])
        #expect(table.isEmpty)
        #expect(table[.v4(1)] == nil)
    }
}
