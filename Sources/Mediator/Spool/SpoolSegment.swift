/// What the spool knows about one segment file `seg-<16 hex digits of its first record index>.spool`: an
/// append-only run of entries.
struct SpoolSegment {
    /// The index of the segment's first record; also its name.
    let first: UInt64
    /// Bytes of whole, verified entries in the file.
    var bytes: Int64
    /// Records in those entries.
    var records: Int

    /// The index one past the segment's last record.
    var endRecord: UInt64 { first &+ UInt64(records) }

    /// The position after the segment's last entry.
    var end: SpoolPosition { SpoolPosition(segment: first, offset: bytes, record: endRecord) }

    /// The position before the segment's first entry.
    var start: SpoolPosition { SpoolPosition(segment: first, offset: 0, record: first) }

    /// The file name of the segment whose first record is `first`.
    static func fileName(first: UInt64) -> String {
        let hex = String(first, radix: 16)
        return "seg-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex + ".spool"
    }

    /// The first record index encoded in a segment file name; nil for any other name.
    static func first(fromFileName name: String) -> UInt64? {
        let utf8 = Array(name.utf8)
        let prefix = Array("seg-".utf8)
        let suffix = Array(".spool".utf8)
        guard utf8.count == prefix.count + 16 + suffix.count,
            utf8.starts(with: prefix),
            utf8.suffix(suffix.count).elementsEqual(suffix)
        else { return nil }
        let digits = utf8[prefix.count..<(prefix.count + 16)]
        guard digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return UInt64(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}
