#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies one numbered stream across runs: LIID, CIN, and IRI or CC.
public struct SequenceStreamKey: Hashable, Sendable {
    /// The warrant's LIID.
    public var liid: String
    /// The communication identity number.
    public var cin: UInt32
    /// CC stream (else IRI).
    public var isCC: Bool

    /// Creates a key.
    public init(liid: String, cin: UInt32, isCC: Bool) {
        self.liid = liid
        self.cin = cin
        self.isCC = isCC
    }
}

/// Why the journal cannot be used.
public struct SequenceJournalError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, with the path.
    public var description: String
}

/// Persists the next sequence number of every stream, so that a restarted appliance continues a known session's
/// numbering instead of starting again at 0 (DESIGN §4).
///
/// An append-only text file of `LIID CIN IRI|CC NEXT` lines; the last line for a stream wins. The sequencer
/// appends the streams a batch advanced *before* it hands the batch to the mediator, so after a crash the journal
/// is never behind what the agencies may have received (numbers are never reused). A torn last line is ignored.
/// The file is compacted when it is opened and whenever it grows past `compactBytes`.
public final class SequenceJournal {
    private let path: String
    private let compactBytes: Int
    private var descriptor: Int32 = -1
    private var written = 0
    /// The next number of every stream known from earlier runs (and this one).
    public private(set) var next: [SequenceStreamKey: UInt64] = [:]
    /// Whether the file existed when the journal was opened.
    public let existed: Bool

    /// Opens (or creates) the journal at `path`.
    public init(path: String, compactBytes: Int = 16 << 20) throws(SequenceJournalError) {
        self.path = path
        self.compactBytes = compactBytes
        existed = access(path, F_OK) == 0
        if existed { try load() }
        try compact()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Records new next numbers (one write for the whole set). Once the lines are written the numbers are
    /// journaled; a compaction that fails then (a full disk) is tried again after a later write.
    public func record(_ changes: [(SequenceStreamKey, UInt64)]) throws(SequenceJournalError) {
        guard !changes.isEmpty else { return }
        var text = ""
        for (key, value) in changes {
            next[key] = value
            text += Self.line(key, value)
        }
        try append(text)
        if written > compactBytes {
            try? compact()
        }
    }

    private func load() throws(SequenceJournalError) {
        let file = fopen(path, "r")
        guard let file else { throw SequenceJournalError(description: "\(path): cannot be read") }
        defer { fclose(file) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            contents.append(contentsOf: chunk[0..<count])
        }
        for line in contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        where line.endIndex < contents.endIndex || contents.last == UInt8(ascii: "\n") {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard fields.count == 4,
                let cin = UInt32(String(decoding: fields[1], as: UTF8.self)),
                let value = UInt64(String(decoding: fields[3], as: UTF8.self))
            else { continue }
            let kind = String(decoding: fields[2], as: UTF8.self)
            guard kind == "IRI" || kind == "CC" else { continue }
            let key = SequenceStreamKey(liid: String(decoding: fields[0], as: UTF8.self), cin: cin, isCC: kind == "CC")
            next[key] = max(next[key] ?? 0, value)
        }
    }

    private func compact() throws(SequenceJournalError) {
        let temporary = path + ".tmp"
        let fresh = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fresh >= 0 else { throw SequenceJournalError(description: "\(temporary): cannot be created") }
        let text = next.map { Self.line($0.key, $0.value) }.joined()
        guard Self.writeAll(fresh, text), fsync(fresh) == 0 else {
            close(fresh)
            throw SequenceJournalError(description: "\(temporary): write failed")
        }
        guard rename(temporary, path) == 0 else {
            close(fresh)
            throw SequenceJournalError(description: "\(path): cannot replace it")
        }
        if descriptor >= 0 { close(descriptor) }
        close(fresh)
        descriptor = open(path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { throw SequenceJournalError(description: "\(path): cannot be opened") }
        written = text.utf8.count
    }

    /// Appends whole lines; a failed write (a full disk) is cut off again, so no torn line is left for a later
    /// line to run into.
    private func append(_ text: String) throws(SequenceJournalError) {
        let end = lseek(descriptor, 0, SEEK_END)
        guard Self.writeAll(descriptor, text) else {
            let reason = String(cString: strerror(errno))
            if end >= 0 { _ = ftruncate(descriptor, end) }
            throw SequenceJournalError(description: "\(path): write failed: \(reason)")
        }
        written += text.utf8.count
    }

    private static func line(_ key: SequenceStreamKey, _ value: UInt64) -> String {
        "\(key.liid) \(key.cin) \(key.isCC ? "CC" : "IRI") \(value)\n"
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }
}
