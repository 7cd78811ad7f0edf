import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessOutput: Sendable {
    /// Exit status (or 128 + signal).
    public var status: Int32
    /// Standard output.
    public var standardOutput: String
    /// Standard error.
    public var standardError: String
}

/// Runs real programs (the built appliance, scripts, the record checker) to their end.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` (its environment this process's with `environment` laid over it) to
    /// completion and returns its output.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:]
    ) throws -> ProcessOutput {
        let child = try BackgroundProcess(executable, arguments, environment: environment)
        let status = child.wait(timeout: nil)
        return ProcessOutput(status: status, standardOutput: child.standardOutput, standardError: child.standardError)
    }

    /// The path of `program` in `$PATH`, or nil when it is not there.
    public static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first(where: FileManager.default.isExecutableFile)
    }
}
