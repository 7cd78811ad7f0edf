import Collector
import ETSI
import Foundation
import Packets
import Synchronization
import TestSupport
import Testing
import Warrants

/// The collector pipeline (capture thread, shard, sequencer) on crafted captures, read back with the ETSI reader.
struct PipelineTests {
    final class CollectingSink: RecordSink {
        let bytes = Mutex<[Handover: [UInt8]]>([:])

        func deliver(agency: String, handover: Handover, bytes chunk: [UInt8], records: Int) {
            bytes.withLock { $0[handover, default: []] += chunk }
        }

        func records(_ handover: Handover) throws -> [PSPDUSummary] {
            let stream = bytes.withLock { $0[handover] ?? [] }
            var result: [PSPDUSummary] = []
            var offset = 0
            while offset < stream.count {
                let summary = try stream.withUnsafeBytes { all -> PSPDUSummary? in
                    let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
                    guard let length = try PSPDUReader.recordLength(in: rest) else { return nil }
                    return try PSPDUReader.summarize(UnsafeRawBufferPointer(rebasing: rest[..<length]))
                }
                guard let summary else { break }
                result.append(summary)
                offset += summary.length
            }
            return result
        }
    }

    static let server: [UInt8] = [192, 0, 2, 2]
    static let nas: [UInt8] = [192, 0, 2, 9]
    static let internet: [UInt8] = [198, 18, 0, 1]

    func run(
        _ capture: CraftedCapture,
        warrants: [Warrant],
        journal: SequenceJournal? = nil
    ) async throws
        -> CollectingSink
    {
        let scratch = try ScratchDirectory(prefix: "crafted")
        let path = scratch.file("crafted.pcap")
        try capture.write(to: path)
        let endpoint = Endpoint(host: "127.0.0.1", port: 9)
        let snapshot = StoreSnapshot(
            changeID: 1,
            agencies: [Agency(name: "LEA", hi2: endpoint, hi3: endpoint, countryCode: "NZ", plaintext: true)],
            warrants: warrants,
            servers: [
                KnownServer(kind: .radius, address: "192.0.2.2", port: 1812),
                KnownServer(kind: .radius, address: "192.0.2.2", port: 1813),
            ]
        )
        let plan = try InterceptPlan(
            snapshot: snapshot,
            operatorIdentifier: "op",
            networkElementIdentifier: "ne"
        )
        let sink = CollectingSink()
        let pipeline = Pipeline(
            plan: plan,
            settings: PipelineSettings(shards: 2, sessionIdleTimeoutMicros: 0, sequenceJournal: journal)
        )
        let result = try await pipeline.run(sources: [try PcapSource(file: path)], sink: sink)
        #expect(result.captureError == nil)
        return sink
    }

    static func warrant(_ liid: String, user: String? = nil, prefixes: [String] = []) -> Warrant {
        Warrant(
            liid: liid,
            agency: "LEA",
            target: .ip(IPTarget(username: user, staticPrefixes: prefixes, sessionID: 42)),
            authorizationCountryCode: "NZ",
            deliveryCountryCode: "NZ"
        )
    }

    @Test func fragmentedAccessAcceptIsReassembledAndOpensTheSession() async throws {
        var capture = CraftedCapture()
        let request = CraftedCapture.radius(code: 1, identifier: 5, attributes: [(1, Array("frag".utf8))])
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: Self.nas,
                to: Self.server,
                protocol: 17,
                payload: CraftedCapture.udp(sourcePort: 4000, destinationPort: 1812, payload: request)
            )
        )
        let accept = CraftedCapture.radius(
            code: 2,
            identifier: 5,
            attributes: [
                (8, [100, 64, 0, 9]), (18, [UInt8](repeating: 0x41, count: 240)),
                (18, [UInt8](repeating: 0x42, count: 240)),
            ]
        )
        let datagram = CraftedCapture.udp(sourcePort: 1812, destinationPort: 4000, payload: accept)
        let cut = 248
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: Self.server,
                to: Self.nas,
                protocol: 17,
                payload: Array(datagram[..<cut]),
                identifier: 77,
                moreFragments: true
            )
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: Self.server,
                to: Self.nas,
                protocol: 17,
                payload: Array(datagram[cut...]),
                identifier: 77,
                fragmentOffset: cut
            )
        )
        for index in 0..<3 {
            capture.add(
                ipPacket: CraftedCapture.ipv4(
                    from: [100, 64, 0, 9],
                    to: Self.internet,
                    protocol: 17,
                    payload: CraftedCapture.udp(sourcePort: 5000, destinationPort: 53, payload: [UInt8(index)])
                )
            )
        }
        let sink = try await run(capture, warrants: [Self.warrant("FRAG", user: "frag")])
        let iris = try sink.records(.hi2)
        #expect(iris.map(\.iriType) == [.report, .begin])
        let ccs = try sink.records(.hi3)
        #expect(ccs.count == 3)
        #expect(ccs.map(\.sequence) == [0, 1, 2])
        #expect(ccs.allSatisfy { $0.payloadDirection == .fromTarget && $0.cin == iris.last?.cin })
    }

    @Test func delegatedIPv6PrefixSessionCapturesEveryAddressInIt() async throws {
        var capture = CraftedCapture()
        let start = CraftedCapture.radius(
            code: 4,
            identifier: 1,
            attributes: [
                (1, Array("six".utf8)), (40, CraftedCapture.u32(1)), (44, Array("V6-1".utf8)),
                (123, [0, 56, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x42, 0x00]),
            ]
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: Self.nas,
                to: Self.server,
                protocol: 17,
                payload: CraftedCapture.udp(sourcePort: 4001, destinationPort: 1813, payload: start)
            )
        )
        let inside: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 0x42, 0, 0x10] + [UInt8](repeating: 0, count: 7) + [5]
        let outside: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 0x43] + [UInt8](repeating: 0, count: 9) + [1]
        let remote: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff] + [UInt8](repeating: 0, count: 9) + [1]
        let udp = CraftedCapture.udp(sourcePort: 1, destinationPort: 2, payload: [1, 2, 3])
        capture.add(ipPacket: CraftedCapture.ipv6(from: remote, to: inside, nextHeader: 17, payload: udp))
        capture.add(ipPacket: CraftedCapture.ipv6(from: inside, to: remote, nextHeader: 17, payload: udp))
        capture.add(ipPacket: CraftedCapture.ipv6(from: remote, to: outside, nextHeader: 17, payload: udp))
        let sink = try await run(capture, warrants: [Self.warrant("SIX", user: "six")])
        #expect(try sink.records(.hi2).map(\.iriType) == [.begin])
        #expect(try sink.records(.hi3).map(\.payloadDirection) == [.toTarget, .fromTarget])
    }

    @Test func staticAddressWarrantNeedsNoRADIUS() async throws {
        var capture = CraftedCapture()
        let udp = CraftedCapture.udp(sourcePort: 1, destinationPort: 2, payload: [9])
        capture.add(
            ipPacket: CraftedCapture.ipv4(from: [203, 0, 113, 7], to: Self.internet, protocol: 17, payload: udp)
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(from: Self.internet, to: [203, 0, 113, 7], protocol: 17, payload: udp)
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(from: Self.internet, to: [203, 0, 113, 8], protocol: 17, payload: udp)
        )
        let sink = try await run(capture, warrants: [Self.warrant("STATIC", prefixes: ["203.0.113.7/32"])])
        let iris = try sink.records(.hi2)
        #expect(iris.map(\.accessEventType) == [.startOfInterceptionWithSessionActive])
        let ccs = try sink.records(.hi3)
        #expect(ccs.map(\.cin) == [42, 42])
    }

    @Test func garbageFramesAreCountedAndSkipped() async throws {
        var capture = CraftedCapture()
        var generator = SeededGenerator(seed: 2026)
        for length in 0..<200 {
            capture.add(ipPacket: (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let garbage = CraftedCapture.radius(code: 4, identifier: 1, attributes: [(1, [])])
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: Self.nas,
                to: Self.server,
                protocol: 17,
                payload: CraftedCapture.udp(sourcePort: 4001, destinationPort: 1813, payload: Array(garbage.prefix(30)))
            )
        )
        let sink = try await run(capture, warrants: [Self.warrant("NONE", user: "nobody")])
        #expect(try sink.records(.hi2).isEmpty)
        #expect(try sink.records(.hi3).isEmpty)
    }

    @Test func aRestartedRunContinuesTheNumberingOfAKnownSession() async throws {
        let scratch = try ScratchDirectory(prefix: "seq")
        let path = scratch.file("sequence.journal")
        var capture = CraftedCapture()
        let udp = CraftedCapture.udp(sourcePort: 1, destinationPort: 2, payload: [9])
        for _ in 0..<3 {
            capture.add(
                ipPacket: CraftedCapture.ipv4(from: [203, 0, 113, 7], to: Self.internet, protocol: 17, payload: udp)
            )
        }
        let warrants = [Self.warrant("STATIC", prefixes: ["203.0.113.7/32"])]
        let first = try await run(capture, warrants: warrants, journal: try SequenceJournal(path: path))
        #expect(try first.records(.hi3).map(\.sequence) == [0, 1, 2])
        let second = try await run(capture, warrants: warrants, journal: try SequenceJournal(path: path))
        #expect(try second.records(.hi3).map(\.sequence) == [3, 4, 5])
        #expect(try second.records(.hi2).map(\.sequence) == [1])
    }
}
