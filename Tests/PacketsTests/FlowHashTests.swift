import Packets
import TestSupport
import Testing

@Suite("FlowHash")
struct FlowHashTests {
    @Test("symmetric for any pair, and spreads over shards")
    func symmetricAndSpread() {
        var generator = SeededGenerator(seed: 7)
        var shardCounts = [Int](repeating: 0, count: 8)
        for index in 0..<4_000 {
            let a: IPAddress =
                index.isMultiple(of: 2)
                ? .v4(UInt32.random(in: 0...UInt32.max, using: &generator))
                : .v6(high: generator.next(), low: generator.next())
            let b: IPAddress = .v4(UInt32.random(in: 0...UInt32.max, using: &generator))
            #expect(FlowHash.symmetric(a, b) == FlowHash.symmetric(b, a))
            shardCounts[Int(FlowHash.symmetric(a, b) % 8)] += 1
        }
        #expect(shardCounts.allSatisfy { $0 > 400 && $0 < 600 })
    }

    @Test("fixed across runs and sensitive to either address")
    func stableAndSensitive() throws {
        let a = try #require(IPAddress("127.0.10.11"))
        let b = try #require(IPAddress("127.0.0.2"))
        let c = try #require(IPAddress("127.0.0.3"))
        #expect(FlowHash.symmetric(a, b) == FlowHash.symmetric(a, b))
        #expect(FlowHash.symmetric(a, b) != FlowHash.symmetric(a, c))
        #expect(FlowHash.symmetric(.v4(1), .v4(2)) != FlowHash.symmetric(.v6(high: 0, low: 1), .v6(high: 0, low: 2)))
    }
}
