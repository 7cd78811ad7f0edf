import Foundation
import TestSupport
import Testing

@Suite("PcapFileReader")
struct PcapFileReaderTests {
    @Test("classic pcap: frames, link type and microsecond times")
    func classic() throws {
        let frames = try PcapCaptures.frames("radius-basic.pcap")
        #expect(frames.count == 345)
        #expect(frames[0].timestampMicros == 1_795_345_974_396_286)
        #expect(frames[0].linkType == 1)
        #expect(frames[0].bytes.count == 124)
        #expect(throws: PcapFileError.self) { try PcapCaptures.frames("no-such-file.pcap") }
    }

    @Test("big-endian nanosecond pcap and pcapng (EPB with nanosecond resolution, SPB) give the same frames")
    func otherFormats() throws {
        let frames = try PcapCaptures.frames("vlan-mpls.pcap")
        let nano = try PcapFileReader.frames(in: Self.bigEndianNanosecondPcap(frames))
        #expect(nano.map(\.bytes) == frames.map(\.bytes))
        #expect(nano.map(\.timestampMicros) == frames.map(\.timestampMicros))
        #expect(nano.allSatisfy { $0.linkType == 1 })

        let ng = try PcapFileReader.frames(in: Self.pcapng(frames))
        #expect(ng.count == frames.count + 1)
        #expect(ng.dropLast().map(\.bytes) == frames.map(\.bytes))
        #expect(ng.dropLast().map(\.timestampMicros) == frames.map(\.timestampMicros))
        #expect(ng.last?.bytes == frames.last?.bytes && ng.last?.linkType == 1)
    }

    @Test("damaged files are reported, not trapped on")
    func damaged() throws {
        let path = PcapCaptures.path("malformed.pcap")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let whole = [UInt8](bytes)
        #expect(throws: PcapFileError.truncated(offset: 24)) { try PcapFileReader.frames(in: Array(whole[0..<30])) }
        #expect(throws: PcapFileError.unknownFormat) { try PcapFileReader.frames(in: [1, 2, 3, 4, 5]) }
        #expect(throws: PcapFileError.unknownFormat) { try PcapFileReader.frames(in: []) }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            var copy = whole
            copy.removeLast(Int.random(in: 0..<copy.count - 24, using: &generator))
            copy[Int.random(in: 24..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? PcapFileReader.frames(in: copy)
        }
    }

    private static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func littleEndian32(_ value: UInt32) -> [UInt8] {
        bigEndian32(value).reversed()
    }

    private static func bigEndianNanosecondPcap(_ frames: [PcapFrame]) -> [UInt8] {
        var file = bigEndian32(0xA1B2_3C4D) + [0, 2, 0, 4] + [UInt8](repeating: 0, count: 8)
        file += bigEndian32(65_535) + bigEndian32(1)
        for frame in frames {
            let seconds = UInt32(frame.timestampMicros / 1_000_000)
            let nanos = UInt32(frame.timestampMicros % 1_000_000 * 1_000)
            file += bigEndian32(seconds) + bigEndian32(nanos)
            file += bigEndian32(UInt32(frame.bytes.count)) + bigEndian32(UInt32(frame.bytes.count)) + frame.bytes
        }
        return file
    }

    /// A pcapng file: SHB, IDB (Ethernet, if_tsresol 9), one EPB per frame, then an SPB repeating the last frame.
    private static func pcapng(_ frames: [PcapFrame]) -> [UInt8] {
        func block(_ type: UInt32, _ body: [UInt8]) -> [UInt8] {
            let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
            let length = UInt32(padded.count + 12)
            return littleEndian32(type) + littleEndian32(length) + padded + littleEndian32(length)
        }
        var file = block(0x0A0D_0D0A, littleEndian32(0x1A2B_3C4D) + [1, 0, 0, 0] + [UInt8](repeating: 0xFF, count: 8))
        file += block(1, [1, 0, 0, 0] + littleEndian32(0) + [9, 0, 1, 0, 9, 0, 0, 0] + [0, 0, 0, 0])
        for frame in frames {
            let units = UInt64(frame.timestampMicros) * 1_000
            var body = littleEndian32(0) + littleEndian32(UInt32(units >> 32))
            body += littleEndian32(UInt32(units & 0xFFFF_FFFF))
            body += littleEndian32(UInt32(frame.bytes.count)) + littleEndian32(UInt32(frame.bytes.count)) + frame.bytes
            file += block(6, body)
        }
        if let last = frames.last {
            file += block(3, littleEndian32(UInt32(last.bytes.count)) + last.bytes)
        }
        return file
    }
}
