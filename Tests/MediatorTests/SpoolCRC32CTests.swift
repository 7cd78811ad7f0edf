import Mediator
import Testing

/// CRC-32C against the test vectors of RFC 3720 appendix B.4 (the iSCSI CRC) and the common check value.
@Suite struct SpoolCRC32CTests {
    /// The 48-byte iSCSI SCSI Read (10) command PDU of RFC 3720 B.4.
    static let iSCSIReadCommand: [UInt8] = [
        0x01, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
        0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]

    static let vectors: [(name: String, bytes: [UInt8], crc: UInt32)] = [
        ("32 bytes of zeros", [UInt8](repeating: 0, count: 32), 0x8A91_36AA),
        ("32 bytes of ones", [UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
        ("32 incrementing bytes", (0..<32).map { UInt8($0) }, 0x46DD_794E),
        ("32 decrementing bytes", (0..<32).reversed().map { UInt8($0) }, 0x113F_DB5C),
        ("iSCSI read command PDU", iSCSIReadCommand, 0xD996_3A56),
        ("check value 123456789", Array("123456789".utf8), 0xE306_9283),
        ("no bytes", [], 0),
    ]

    @Test(arguments: vectors)
    func rfc3720Vector(name: String, bytes: [UInt8], crc: UInt32) {
        #expect(CRC32C.checksum(bytes) == crc, "\(name)")
    }

    /// Feeding the bytes in two pieces, split anywhere, gives the same checksum as one piece (the eight-byte steps
    /// and the byte-wise tail agree).
    @Test(arguments: [0, 1, 7, 8, 9, 16, 23, 31, 32, 47, 48])
    func incrementalMatchesOneShot(split: Int) {
        let bytes = Self.iSCSIReadCommand
        var crc = CRC32C()
        bytes[..<split].withUnsafeBytes { crc.update($0) }
        bytes[split...].withUnsafeBytes { crc.update($0) }
        #expect(crc.value == 0xD996_3A56)
    }

    /// The portable tables give the same checksums as the CPU's instruction (when this machine has one), over
    /// vectors and random data of every length up to 300 bytes.
    @Test func tablesAgreeWithTheInstruction() {
        for vector in Self.vectors {
            var tables = CRC32C()
            vector.bytes.withUnsafeBytes { tables.updateWithTables($0) }
            #expect(tables.value == vector.crc, "\(vector.name)")
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0...300 {
            let bytes = (0..<length).map { _ in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: seed >> 56)
            }
            var tables = CRC32C()
            var either = CRC32C()
            bytes.withUnsafeBytes { raw in
                tables.updateWithTables(raw)
                either.update(raw)
            }
            #expect(tables.value == either.value, "length \(length)")
        }
    }

    /// A single flipped bit changes the checksum, wherever it is.
    @Test func everyBitFlipIsDetected() {
        let bytes = Self.iSCSIReadCommand
        for bit in 0..<(bytes.count * 8) {
            var damaged = bytes
            damaged[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(CRC32C.checksum(damaged) != 0xD996_3A56)
        }
    }
}
