import Collector
import Foundation
import Packets
import TestSupport
import Testing

/// Classic pcap files read through memory-mapped windows: the same frames and times as an independent reader,
/// both byte orders and timestamp precisions, frames across window boundaries, and truncated files as errors.
struct MappedPcapSourceTests {
    /// Every frame of a source: capture time and bytes.
    static func frames(of source: PcapSource) throws -> [(Int64, [UInt8])] {
        var frames: [(Int64, [UInt8])] = []
        while try source.read({ frame, time in frames.append((time, Array(frame))) }) == .frame {}
        return frames
    }

    /// A pcap file: global header for `magic` (written in the given byte order) and one record per frame.
    static func pcap(
        magic: UInt32,
        bigEndian: Bool,
        frames: [(seconds: UInt32, fraction: UInt32, bytes: [UInt8])]
    )
        -> Data
    {
        var data = Data()
        func put32(_ value: UInt32) {
            withUnsafeBytes(of: bigEndian ? value.bigEndian : value.littleEndian) { data.append(contentsOf: $0) }
        }
        func put16(_ value: UInt16) {
            withUnsafeBytes(of: bigEndian ? value.bigEndian : value.littleEndian) { data.append(contentsOf: $0) }
        }
        put32(magic)
        put16(2)
        put16(4)
        put32(0)
        put32(0)
        put32(262_144)
        put32(1)
        for frame in frames {
            put32(frame.seconds)
            put32(frame.fraction)
            put32(UInt32(frame.bytes.count))
            put32(UInt32(frame.bytes.count))
            data.append(contentsOf: frame.bytes)
        }
        return data
    }

    static func write(_ data: Data, in scratch: ScratchDirectory) throws -> String {
        let path = scratch.file("mapped.pcap")
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["radius-basic.pcap", "sip-call.pcap", "vlan-mpls.pcap", "malformed.pcap", "smtp-session.pcap"])
    func testCapturesReadAsTheIndependentReaderReadsThem(name: String) throws {
        let expected = try PcapCaptures.frames(name)
        let source = try PcapSource(file: PcapCaptures.path(name))
        let frames = try Self.frames(of: source)
        #expect(frames.count == expected.count)
        #expect(frames.map(\.0) == expected.map(\.timestampMicros))
        #expect(frames.map(\.1) == expected.map(\.bytes))
        #expect(source.linkType == .ethernet)
        #expect(source.filePosition == source.fileSize)
    }

    @Test(arguments: [false, true])
    func nanosecondFilesInEitherByteOrder(bigEndian: Bool) throws {
        let frames: [(seconds: UInt32, fraction: UInt32, bytes: [UInt8])] = [
            (1_767_225_600, 123_456_789, [UInt8](repeating: 0xAB, count: 60)),
            (1_767_225_601, 999, [UInt8](repeating: 0xCD, count: 1514)),
        ]
        let scratch = try ScratchDirectory(prefix: "mapped")
        let path = try Self.write(Self.pcap(magic: 0xA1B2_3C4D, bigEndian: bigEndian, frames: frames), in: scratch)
        let read = try Self.frames(of: try PcapSource(file: path))
        #expect(read.map(\.0) == [1_767_225_600_123_456, 1_767_225_601_000_000])
        #expect(read.map(\.1) == frames.map(\.bytes))
    }

    @Test func framesAcrossWindowBoundariesAreWhole() throws {
        var frames: [(seconds: UInt32, fraction: UInt32, bytes: [UInt8])] = []
        var generator = SeededGenerator(seed: 7)
        var total = 0
        while total < 72 << 20 {
            let length = Int.random(in: 40...9000, using: &generator)
            let fill = UInt8.random(in: 0...255, using: &generator)
            frames.append(
                (UInt32(total >> 20), UInt32(frames.count % 1_000_000), [UInt8](repeating: fill, count: length))
            )
            total += length + 16
        }
        let scratch = try ScratchDirectory(prefix: "mapped")
        let path = try Self.write(Self.pcap(magic: 0xA1B2_C3D4, bigEndian: false, frames: frames), in: scratch)
        let source = try PcapSource(file: path)
        var index = 0
        var mismatches = 0
        while try source.read({ frame, _ in
            if index >= frames.count || !frame.elementsEqual(frames[index].bytes) { mismatches += 1 }
            index += 1
        }) == .frame {}
        #expect(index == frames.count)
        #expect(mismatches == 0)
    }

    @Test func truncatedRecordIsAnError() throws {
        var data = Self.pcap(magic: 0xA1B2_C3D4, bigEndian: false, frames: [(1, 0, [UInt8](repeating: 1, count: 100))])
        data.removeLast(10)
        let scratch = try ScratchDirectory(prefix: "mapped")
        let path = try Self.write(data, in: scratch)
        let source = try PcapSource(file: path)
        #expect(throws: CaptureError.self) { _ = try Self.frames(of: source) }
    }

    @Test func oversizedRecordIsAnError() throws {
        var data = Self.pcap(magic: 0xA1B2_C3D4, bigEndian: false, frames: [(1, 0, [1, 2, 3])])
        data.replaceSubrange(32..<36, with: [0, 0, 0, 0x10])
        let scratch = try ScratchDirectory(prefix: "mapped")
        let path = try Self.write(data, in: scratch)
        #expect(throws: CaptureError.self) { _ = try Self.frames(of: try PcapSource(file: path)) }
    }
}
