import Foundation
import TestSupport

/// Runs `shared/tools/etsi-decode` on a stream of records written to a temporary file.
struct DecoderRun {
    /// The exit status.
    var status: Int32
    /// What the decoder printed on stdout (one JSON object per record).
    var output: String
    /// What the decoder printed on stderr (the summary line or the first violation).
    var errors: String

    /// Writes `stream` to a temporary file and runs the decoder on it with `arguments` before the file name.
    static func run(_ stream: [UInt8], arguments: [String]) throws -> DecoderRun {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("etsi-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("stream.der")
        let stdout = directory.appendingPathComponent("stdout.txt")
        let stderr = directory.appendingPathComponent("stderr.txt")
        try Data(stream).write(to: input)
        try Data().write(to: stdout)
        try Data().write(to: stderr)

        let process = Process()
        process.executableURL = VectorFiles.etsiDecode()
        process.arguments = arguments + [input.path]
        let outHandle = try FileHandle(forWritingTo: stdout)
        let errHandle = try FileHandle(forWritingTo: stderr)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return DecoderRun(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: stderr), as: UTF8.self)
        )
    }
}
