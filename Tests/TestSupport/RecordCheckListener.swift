import Foundation

/// `Scripts/record-check listen` as the LEMF of a test: it accepts HI2/HI3 connections on 127.0.0.1, answers
/// keep-alives, checks decoding, DER and sequence numbers, and prints one JSON object per record.
public final class RecordCheckListener: Sendable {
    private let child: BackgroundProcess
    /// The port it listens on.
    public let port: Int

    /// Starts the checker on `port` (0: any free port) and waits until it says which port it listens on.
    public init(port requested: Int = 0) throws {
        child = try BackgroundProcess(
            RecordCheck.path,
            ["listen", "127.0.0.1:\(requested)", "--answer-keepalives"]
        )
        guard let bound = child.waitForError(#"listening on [^ ]+:(\d+)"#, timeout: 120), let number = Int(bound) else {
            child.crash()
            throw DecoderError(message: "record-check did not start: \(child.standardError)")
        }
        port = number
    }

    /// What the checker printed on standard error so far.
    public var standardError: String { child.standardError }

    /// Waits until `count` connections have closed (or `timeout` passes), stops the checker, and returns every record
    /// it printed and its final standard error (ending with its summary).
    public func finish(
        closedConnections count: Int,
        timeout: TimeInterval = 60
    ) -> (records: [[String: Any]], log: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && child.standardError.components(separatedBy: " closed").count - 1 < count {
            Thread.sleep(forTimeInterval: 0.05)
        }
        child.interrupt()
        let records = child.standardOutput.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        return (records, child.standardError)
    }
}

/// A helper program could not be started or failed.
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
