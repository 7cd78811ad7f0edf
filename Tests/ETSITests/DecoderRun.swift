import Foundation
import TestSupport

/// One run of the record checker (`Scripts/record-check`) on a stream of records.
struct DecoderRun {
    /// The exit status.
    var status: Int32
    /// What the checker printed on stdout (one JSON object per record).
    var output: String
    /// What the checker printed on stderr (the summary line, or the first violation and the summary).
    var errors: String

    /// Decodes `stream`, and with `check` also proves every record DER and checks the sequence numbers.
    static func run(_ stream: [UInt8], check: Bool) throws -> DecoderRun {
        let output = try RecordCheck.run(check ? "check" : "decode", on: stream)
        return DecoderRun(status: output.status, output: output.standardOutput, errors: output.standardError)
    }
}
