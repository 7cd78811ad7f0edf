import Foundation
import Mediator

/// Reads a file of PS-PDUs as `lemf --out-der` writes them, in pieces of 1 MiB, and hands over each whole record
/// (split by its DER length, as the LEMF splits a connection's stream).
enum VerifyFileReader {
    /// Where a record lies: its file, its number in the file (from 1) and its offset.
    struct Position: Sendable, CustomStringConvertible {
        var file: String
        var index: Int
        var offset: Int

        /// `records.der record 12 (offset 2048)`.
        var description: String { "\(file) record \(index) (offset \(offset))" }
    }

    /// Calls `body` with each record of `path`, in order. A file that cannot be read, or that is not a series of
    /// whole PS-PDUs, is bad input.
    static func read(
        _ path: String,
        body: (ArraySlice<UInt8>, Position) -> Void
    ) throws(ApplianceError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ApplianceError(.usage, "verify: \"\(path)\": cannot be read")
        }
        defer { try? handle.close() }
        var splitter = LEMFStreamSplitter()
        var position = Position(file: path, index: 0, offset: 0)
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw ApplianceError(.usage, "verify: \"\(path)\": cannot be read (\(error))")
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { splitter.append($0) }
            do {
                while let record = try splitter.next() {
                    position.index += 1
                    body(record, position)
                    position.offset += record.count
                }
            } catch {
                throw ApplianceError(
                    .usage,
                    "verify: \"\(path)\": at offset \(position.offset): not a series of PS-PDUs (\(error))"
                )
            }
        }
        guard splitter.bufferedCount == 0 else {
            throw ApplianceError(
                .usage,
                "verify: \"\(path)\": ends inside a record (\(splitter.bufferedCount) octets from offset "
                    + "\(position.offset))"
            )
        }
    }
}
