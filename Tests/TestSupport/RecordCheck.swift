import Foundation

/// The project's own record checker, `Scripts/record-check` (Python and asn1tools, independent of our encoder): it
/// decodes PS-PDUs with the ASN.1 modules of `Tests/Fixtures/asn1`, proves them DER, and checks sequence numbers.
public enum RecordCheck {
    /// The checker's path.
    public static var path: String { RepositoryLayout.script("record-check") }

    /// Runs `record-check <command> [arguments] FILE` on `bytes` written to a scratch file.
    public static func run(_ command: String, _ arguments: [String] = [], on bytes: [UInt8]) throws -> ProcessOutput {
        let scratch = try ScratchDirectory(prefix: "record-check")
        let input = scratch.file("input.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        return try ProcessRunner.run(path, [command] + arguments + [input])
    }
}
