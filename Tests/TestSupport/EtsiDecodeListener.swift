import Foundation

/// `shared/tools/etsi-decode --listen` as the LEMF of a test: it accepts HI2/HI3 connections on 127.0.0.1, checks
/// decoding, DER and sequence numbers, and prints one JSON object per record.
public final class EtsiDecodeListener: @unchecked Sendable {
    private let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let lock = NSLock()
    private var errText = ""
    private let collector = PipeCollector()
    private let outDone: DispatchGroup
    /// The port it listens on.
    public private(set) var port = 0

    /// Starts the decoder on `port` (0: any free port) and waits until it prints the port it listens on.
    public init(port requested: Int = 0, extraArguments: [String] = [], testFile: String = #filePath) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A child of Foundation's Process starts with signals blocked, and one started from a background shell
        // with SIGINT ignored; unblock and restore SIGINT so that `finish` can stop the decoder and get its summary.
        let restoreInterrupt =
            "import runpy, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "signal.signal(signal.SIGINT, signal.default_int_handler); "
            + "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
        process.arguments =
            [
                "python3", "-c", restoreInterrupt, VectorFiles.etsiDecode(testFile: testFile).path, "--listen",
                "127.0.0.1:\(requested)", "--connections", "0", "--check", "--reply-keepalives",
            ] + extraArguments
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        outDone = collector.collect(outPipe.fileHandleForReading)
        let handle = errPipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                errText += String(decoding: chunk, as: UTF8.self)
                lock.unlock()
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while port == 0 && Date() < deadline {
            if let match = standardError.firstMatch(of: /listening on [^:]+:(\d+)/), let value = Int(match.1) {
                port = value
            } else if !process.isRunning {
                break
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        if port == 0 { throw DecoderError(message: "etsi-decode did not start: \(standardError)") }
    }

    /// What the decoder printed on standard error so far.
    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return errText
    }

    /// Waits until `count` connections have closed (or `timeout` passes), stops the decoder, and returns every
    /// record it printed and its final standard error.
    public func finish(
        closedConnections count: Int,
        timeout: TimeInterval = 60
    ) -> (records: [[String: Any]], log: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && standardError.components(separatedBy: "closed").count - 1 < count {
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.interrupt()
        let exitDeadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < exitDeadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        outDone.wait()
        Thread.sleep(forTimeInterval: 0.1)
        let text = String(decoding: collector.data(outPipe.fileHandleForReading), as: UTF8.self)
        let records = text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        return (records, standardError)
    }
}

/// The decoder could not be started.
public struct DecoderError: Error, CustomStringConvertible {
    /// Why.
    public var message: String
    /// The message.
    public var description: String { message }

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }
}
