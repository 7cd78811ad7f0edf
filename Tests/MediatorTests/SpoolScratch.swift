import Foundation
import Mediator
import TestSupport

/// A fresh directory for one spool test under the system's temporary directory, removed when the value goes away.
/// The spool itself lives two levels down (`<scratch>/agency/HI3`), as the mediator lays it out.
final class SpoolScratch {
    private let scratch: ScratchDirectory
    var path: String { scratch.path }

    init() throws {
        scratch = try ScratchDirectory(prefix: "spool-tests")
    }

    /// The spool's directory.
    var spoolPath: String { path + "/agency/HI3" }

    /// Opens (or reopens) the spool.
    func open(quota: Int64 = 1 << 30, segmentBytes: Int = 64 << 20) throws(SpoolError) -> HandoverSpool {
        try HandoverSpool(directory: spoolPath, quotaBytes: quota, segmentBytes: segmentBytes)
    }

    /// The segment file names, sorted (oldest first).
    func segmentFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: spoolPath).filter { $0.hasPrefix("seg-") }.sorted()
    }

    /// The bytes of a file in the spool directory.
    func contents(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: spoolPath + "/" + name)))
    }

    /// Replaces a file in the spool directory.
    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: spoolPath + "/" + name))
    }

    /// Cuts a file in the spool directory to `length` bytes.
    func truncate(_ name: String, to length: Int) throws {
        try write(Array(try contents(name).prefix(length)), to: name)
    }

    /// Inverts the bits of one byte of a file in the spool directory.
    func flipByte(_ name: String, at offset: Int) throws {
        var bytes = try contents(name)
        bytes[offset] ^= 0xFF
        try write(bytes, to: name)
    }

    /// The permission bits of a path under the scratch directory.
    func mode(_ relative: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relative)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }
}

/// Records for spool tests: real PS-PDUs from the golden vectors, and small numbered ones whose order can be
/// checked (`04 08` and the index as 8 big-endian bytes: a DER OCTET STRING).
enum SpoolRecords {
    /// Bytes of an entry's header in a segment file.
    static let headerBytes = 16

    /// The single-record golden vectors, in a fixed order.
    static func vectors() throws -> [[UInt8]] {
        try [
            "ipiri-begin.der", "ipcc.der", "ipiri-end.der", "ipmmcc-rtp.der", "ipmmiri-sip-invite.der", "keepalive.der",
        ]
        .map { try VectorFiles.bytes($0) }
    }

    /// Three PS-PDUs concatenated (IRI 0, CC 0, IRI 1): one chunk of 3 records.
    static func stream() throws -> [UInt8] {
        try VectorFiles.bytes("stream-ipaccess.der")
    }

    /// The numbered record `index`.
    static func numbered(_ index: UInt64) -> [UInt8] {
        [0x04, 0x08] + withUnsafeBytes(of: index.bigEndian) { Array($0) }
    }

    /// The numbered records `range`, concatenated.
    static func numbered(_ range: Range<UInt64>) -> [UInt8] {
        range.flatMap { numbered($0) }
    }

    /// The indices of the numbered records in `bytes`, in order; nil if the bytes are not numbered records.
    static func indices(in bytes: [UInt8]) -> [UInt64]? {
        guard bytes.count % 10 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 10).map { start in
            bytes[(start + 2)..<(start + 10)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}

extension HandoverSpool {
    /// Appends an array of bytes.
    func append(_ bytes: [UInt8], records: Int) throws(SpoolError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(SpoolError) in try append(raw, records: records) }
        }
        try result.get()
    }

    /// Sends everything unsent, `maxBytes` at a time: the batches in order.
    func sendAll(maxBytes: Int = 1 << 20) throws(SpoolError) -> [(bytes: [UInt8], records: Int, end: SpoolPosition)] {
        var batches: [(bytes: [UInt8], records: Int, end: SpoolPosition)] = []
        while let batch = try nextToSend(maxBytes: maxBytes) { batches.append(batch) }
        return batches
    }
}

/// The error `body` throws, or nil.
func spoolError(_ body: () throws(SpoolError) -> Void) -> SpoolError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
