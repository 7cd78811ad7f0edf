import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running beside a test (the built-in LEMF, the appliance itself): its output is collected while it
/// runs, a test can wait for a line, interrupt it, or kill it.
public final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""
    private let readers = DispatchGroup()

    /// Starts `executable` with `arguments`.
    public init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        follow(outPipe.fileHandleForReading) { self.output += $0 }
        follow(errPipe.fileHandleForReading) { self.errors += $0 }
    }

    private func follow(_ handle: FileHandle, append: @escaping @Sendable (String) -> Void) {
        readers.enter()
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                append(String(decoding: chunk, as: UTF8.self))
                lock.unlock()
            }
            readers.leave()
        }
    }

    /// Standard output so far.
    public var standardOutput: String {
        lock.lock()
        defer { lock.unlock() }
        return output
    }

    /// Standard error so far.
    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }

    /// Whether it still runs.
    public var isRunning: Bool { process.isRunning }

    /// Waits (at most `timeout` seconds) until standard error matches `pattern`; returns the first capture group.
    public func waitForError(_ pattern: String, timeout: TimeInterval = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(
                    in: standardError,
                    range: NSRange(standardError.startIndex..., in: standardError)
                )
            {
                let text = standardError as NSString
                return match.numberOfRanges > 1
                    ? text.substring(with: match.range(at: 1)) : text.substring(with: match.range)
            }
            if !process.isRunning { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Waits until it exits (at most `timeout` seconds, then SIGKILL) and returns its exit status.
    @discardableResult
    public func wait(timeout: TimeInterval = 120) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        readers.wait()
        return process.terminationStatus
    }

    /// Sends SIGINT and waits for the exit status.
    @discardableResult
    public func interrupt(timeout: TimeInterval = 30) -> Int32 {
        kill(process.processIdentifier, SIGINT)
        return wait(timeout: timeout)
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    public func terminate(timeout: TimeInterval = 30) -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        return wait(timeout: timeout)
    }

    /// Kills it with SIGKILL (a crash) and waits.
    public func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        readers.wait()
    }
}
