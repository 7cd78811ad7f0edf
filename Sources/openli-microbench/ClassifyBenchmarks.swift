import Collector
import ETSI
import Packets
import Warrants

/// `classify-miss`, `classify-hit` and `media-lookup`: the lookups a shard makes per packet in its
/// ``MatchTable``.
///
/// The address table holds 10,000 exact IPv4 target addresses (in 10.0.0.0/8) and five prefixes (two /24 and a
/// /28 of IPv4, a /48 and a /64 of IPv6), so a miss costs one exact probe and one per IPv4 prefix length. The
/// media table holds 2,000 keys: 500 calls, each with RTP and RTCP entered in both orientations, as the VoIP
/// tracker enters them. Each benchmark rotates over 4,096 probe addresses or keys in a random order.
enum ClassifyBenchmarks {
    /// The classification benchmarks.
    static var all: [Benchmark] {
        [
            Benchmark(name: "classify-miss") { () throws(MicrobenchError) in
                try addressLoop(name: "classify-miss", expectHit: false)
            },
            Benchmark(name: "classify-hit") { () throws(MicrobenchError) in
                try addressLoop(name: "classify-hit", expectHit: true)
            },
            Benchmark(name: "media-lookup") { () throws(MicrobenchError) in
                try mediaLoop()
            },
        ]
    }

    private static let probeCount = 4096

    /// The i-th target address: 10.0.0.0/8, spaced out so that neighbours differ in every octet.
    private static func target(_ index: Int) -> IPAddress {
        .v4(0x0A00_0000 | (UInt32(index) &* 1_657 & 0x00FF_FFFF))
    }

    private static func route(_ index: Int) -> CCRoute {
        CCRoute(
            interceptIndex: Int32(index % 100),
            cin: UInt32(index + 1),
            startMicros: 0,
            endMicros: .max,
            profile: .current
        )
    }

    /// The address table: 10,000 exact targets and five prefixes.
    private static func addressTable() -> MatchTable {
        var routes = MatchRoutes()
        for index in 0..<10_000 {
            routes.add(IPPrefix(address: target(index), length: 32), route(index))
        }
        routes.add(IPPrefix(address: .v4(0xC000_0200), length: 24), route(10_001))
        routes.add(IPPrefix(address: .v4(0xC633_6400), length: 24), route(10_002))
        routes.add(IPPrefix(address: .v4(0xCB00_7100), length: 28), route(10_003))
        routes.add(IPPrefix(address: .v6(high: 0x2001_0DB8_0001_0000, low: 0), length: 48), route(10_004))
        routes.add(IPPrefix(address: .v6(high: 0x2001_0DB8_0002_0003, low: 0), length: 64), route(10_005))
        let servers = [ServerEndpoint(address: .v4(0xAC10_0001), port: 1813): ServerKind.radius]
        return MatchTable(routes: routes, servers: servers, plan: nil)
    }

    /// Probes of `classify-hit` (random targets) or `classify-miss` (random subscribers in 100.64.0.0/10).
    private static func addressLoop(name: String, expectHit: Bool) throws(MicrobenchError) -> Benchmark.Loop {
        let table = addressTable()
        var random = SplitMix64(seed: expectHit ? 1 : 2)
        let probes: [IPAddress] = (0..<probeCount).map { _ in
            expectHit
                ? target(Int.random(in: 0..<10_000, using: &random))
                : .v4(0x6440_0000 | UInt32.random(in: 0..<0x40_0000, using: &random))
        }
        let wrong = probes.filter { (table.routes(for: $0) != nil) != expectHit }
        guard wrong.isEmpty else {
            throw MicrobenchError("\(name): \(wrong.count) probes do not \(expectHit ? "hit" : "miss")")
        }
        let mask = probeCount - 1
        return { iterations in
            probes.withUnsafeBufferPointer { probes in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let routes = table.routes(for: probes[iteration & mask]) {
                        checksum &+= UInt64(routes.count) &+ UInt64(routes.first?.cin ?? 0)
                    } else {
                        checksum &+= 1
                    }
                }
                return checksum
            }
        }
    }

    /// Probes of `media-lookup`: random keys of the 2,000 in the table (each finds its route).
    private static func mediaLoop() throws(MicrobenchError) -> Benchmark.Loop {
        var media: [MediaKey: [MediaRoute]] = [:]
        var keys: [MediaKey] = []
        for call in 0..<500 {
            let activity = CallActivity(timeMicros: 0)
            let targetAddress: IPAddress = .v4(0x0A64_0000 + UInt32(call) * 3)
            let peerAddress: IPAddress = .v4(0xC633_6400 + UInt32(call % 250))
            let targetPort = UInt16(16_384 + (call % 4_000) * 2)
            let peerPort = UInt16(20_000 + (call % 5_000) * 2)
            for offset: UInt16 in [0, 1] {
                let key = MediaKey(
                    source: targetAddress,
                    sourcePort: targetPort + offset,
                    destination: peerAddress,
                    destinationPort: peerPort + offset
                )
                for (flow, direction) in [(key, PayloadDirection.fromTarget), (key.reversed, .toTarget)] {
                    media[flow] = [
                        MediaRoute(
                            interceptIndex: Int32(call % 10),
                            cin: UInt32(call + 1),
                            startMicros: 0,
                            endMicros: .max,
                            profile: .current,
                            direction: direction,
                            activity: activity
                        )
                    ]
                    keys.append(flow)
                }
            }
        }
        guard media.count == 2_000 else {
            throw MicrobenchError("media-lookup: \(media.count) distinct keys instead of 2000")
        }
        var routes = MatchRoutes()
        routes.media = media
        let table = MatchTable(routes: routes, servers: [:], plan: nil)
        var random = SplitMix64(seed: 3)
        let probes = (0..<probeCount).map { _ in keys[Int.random(in: 0..<keys.count, using: &random)] }
        let mask = probeCount - 1
        return { iterations in
            probes.withUnsafeBufferPointer { probes in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let routes = table.media[probes[iteration & mask]] {
                        checksum &+= UInt64(routes.first?.cin ?? 0)
                    }
                }
                return checksum
            }
        }
    }
}
