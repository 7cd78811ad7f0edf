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

/// Runs real programs (the built appliance, python tools) for end-to-end tests.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` to completion and returns its output.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:]
    )
        throws -> ProcessOutput
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collector = PipeCollector()
        let outDone = collector.collect(outPipe.fileHandleForReading)
        let errDone = collector.collect(errPipe.fileHandleForReading)
        process.waitUntilExit()
        outDone.wait()
        errDone.wait()
        return ProcessOutput(
            status: process.terminationStatus,
            standardOutput: String(decoding: collector.data(outPipe.fileHandleForReading), as: UTF8.self),
            standardError: String(decoding: collector.data(errPipe.fileHandleForReading), as: UTF8.self)
        )
    }
}

/// Reads pipes to their end on background threads so that a chatty child never blocks on a full pipe.
final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [ObjectIdentifier: Data] = [:]

    func collect(_ handle: FileHandle) -> DispatchGroup {
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            let data = handle.readDataToEndOfFile()
            self.lock.lock()
            self.buffers[ObjectIdentifier(handle)] = data
            self.lock.unlock()
            group.leave()
        }
        return group
    }

    func data(_ handle: FileHandle) -> Data {
        lock.lock()
        defer { lock.unlock() }
        return buffers[ObjectIdentifier(handle)] ?? Data()
    }
}
