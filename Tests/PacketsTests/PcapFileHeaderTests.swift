import Foundation
import Packets
import TestSupport
import Testing

/// The classic pcap format as the memory-mapped reader walks it: the four header variants, records, and damaged
/// files reported as errors.
@Suite struct PcapFileHeaderTests {
    /// A file header of `magic` written in `bigEndian` order or not, link type 1.
    private static func header(magic: UInt32, bigEndian: Bool) -> [UInt8] {
        let words: [UInt32] = [magic, 0x0004_0002, 0, 0, 65_535, 1]
        return words.flatMap { word in
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    @Test(arguments: [
        (UInt32(0xA1B2_C3D4), false), (0xA1B2_C3D4, true), (0xA1B2_3C4D, false), (0xA1B2_3C4D, true),
    ])
    func variants(magic: UInt32, bigEndian: Bool) throws {
        var file = Self.header(magic: magic, bigEndian: bigEndian)
        let fraction: UInt32 = magic == 0xA1B2_3C4D ? 250_000_000 : 250_000
        for word in [UInt32(1_767_225_600), fraction, 3, 3] {
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            file += bigEndian ? bytes.reversed() : bytes
        }
        file += [7, 8, 9]
        try file.withUnsafeBytes { bytes in
            let header = try #require(PcapFileHeader(bytes))
            #expect(header.linkType == 1)
            #expect(header.nanoseconds == (magic == 0xA1B2_3C4D))
            let record = try header.record(in: bytes, at: PcapFileHeader.length)
            #expect(record.frame == 40..<43)
            #expect(record.timeMicros == 1_767_225_600_250_000)
        }
    }

    @Test func aCaptureReadsAsTheTestReaderReadsIt() throws {
        let path = PcapCaptures.path("vlan-mpls.pcap")
        let expected = try PcapCaptures.frames("vlan-mpls.pcap")
        let file = try #require(FileManager.default.contents(atPath: path))
        try [UInt8](file).withUnsafeBytes { bytes in
            let header = try #require(PcapFileHeader(bytes))
            var position = PcapFileHeader.length
            var frames: [[UInt8]] = []
            while position < bytes.count {
                let record = try header.record(in: bytes, at: position)
                frames.append(Array(bytes[record.frame]))
                #expect(record.timeMicros == expected[frames.count - 1].timestampMicros)
                position = record.frame.upperBound
            }
            #expect(frames == expected.map(\.bytes))
        }
    }

    @Test func damagedFilesAreErrors() throws {
        let header = Self.header(magic: 0xA1B2_C3D4, bigEndian: false)
        #expect(header.dropLast().withUnsafeBytes { PcapFileHeader($0) } == nil)
        #expect([UInt8](repeating: 0, count: 24).withUnsafeBytes { PcapFileHeader($0) } == nil)
        let huge: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0x04, 0x00, 0, 0, 0, 0]
        try (header + huge).withUnsafeBytes { bytes in
            let pcap = try #require(PcapFileHeader(bytes))
            #expect(throws: PcapRecordError.tooLarge(262_145)) { try pcap.record(in: bytes, at: 24) }
            #expect(throws: PcapRecordError.truncated) { try pcap.record(in: bytes, at: 30) }
            #expect(throws: PcapRecordError.truncated) { try pcap.record(in: bytes, at: -1) }
        }
        let short: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 1, 2]
        try (header + short).withUnsafeBytes { bytes in
            let pcap = try #require(PcapFileHeader(bytes))
            #expect(throws: PcapRecordError.truncated) { try pcap.record(in: bytes, at: 24) }
        }
    }
}
