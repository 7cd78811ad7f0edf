import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running beside a test (the built-in LEMF, the appliance, the record checker): its output is collected
/// while it runs, and a test can wait for a line, interrupt it, kill it, or wait for its end. Every child process of
/// the tests is started here (``ProcessRunner`` runs one to its end).
public final class BackgroundProcess: @unchecked Sendable {
    // Safe: `output` and `errors` are only touched under `lock`; `process` is configured before it starts.
    private let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()
    private let readers = DispatchGroup()

    /// Starts `executable` with `arguments`, its environment this process's with `environment` laid over it.
    /// `OPENLI_APPLIANCE_CONFIG` is empty unless `environment` sets it: an installed
    /// /etc/openli-appliance/openli-appliance.conf must not configure the tests' runs.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .merging(["OPENLI_APPLIANCE_CONFIG": ""]) { $1 }
            .merging(environment) { $1 }
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        follow(outPipe.fileHandleForReading) { self.output.append($0) }
        follow(errPipe.fileHandleForReading) { self.errors.append($0) }
    }

    private func follow(_ handle: FileHandle, append: @escaping @Sendable (Data) -> Void) {
        readers.enter()
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                append(chunk)
                lock.unlock()
            }
            readers.leave()
        }
    }

    /// Standard output so far.
    public var standardOutput: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Standard error so far.
    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errors, as: UTF8.self)
    }

    /// Whether it still runs.
    public var isRunning: Bool { process.isRunning }

    /// Its process id (to read /proc/PID or send a signal).
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Waits (at most `timeout` seconds) until standard error matches `pattern`; returns the first capture group.
    public func waitForError(_ pattern: String, timeout: TimeInterval = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = standardError
            if let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            {
                let found = text as NSString
                return match.numberOfRanges > 1
                    ? found.substring(with: match.range(at: 1)) : found.substring(with: match.range)
            }
            if !process.isRunning { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Waits until it exits (after `timeout` seconds it is killed with SIGKILL; nil: no limit), until its output is
    /// read to the end, and returns its exit status.
    @discardableResult
    public func wait(timeout: TimeInterval? = 120) -> Int32 {
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
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
