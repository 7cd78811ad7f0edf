import Foundation
import TestSupport

/// Asks the record checker (`Scripts/record-check judge`), record by record, whether records decode and are DER; the
/// sequence check is left out (each record is judged alone), and one process judges many records.
enum DERVerdicts {
    /// Whether the checker accepts each record (apart from sequence numbers).
    static func accepted(_ records: [[UInt8]]) throws -> [Bool] {
        var input: [UInt8] = []
        for record in records {
            let size = UInt32(record.count)
            input += [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]
            input += record
        }
        let output = try RecordCheck.run("judge", on: input)
        guard output.status == 0 else {
            throw VerdictError(message: output.standardError)
        }
        let line = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.count == records.count else {
            throw VerdictError(
                message: "expected \(records.count) verdicts, got \(line.count): \(output.standardError)"
            )
        }
        return line.map { $0 == "1" }
    }

    /// The checker failed.
    struct VerdictError: Error {
        var message: String
    }
}
