import NIOCore

/// The LEMF's state shared by all its connections: the receiver, the outputs, the open channels. It lives on the
/// server's single event loop and is only touched there.
final class LEMFHub {
    private(set) var receiver: LEMFReceiver
    private let output: LEMFOutputFile
    private let records: LEMFRecordFile?
    private let report: @Sendable (String) -> Void
    private var channels: [Int: any Channel] = [:]
    /// Whether the listening socket was closed on purpose.
    var stopRequested = false

    init(
        receiver: LEMFReceiver,
        output: LEMFOutputFile,
        records: LEMFRecordFile?,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.receiver = receiver
        self.output = output
        self.records = records
        self.report = report
    }

    /// Registers an accepted channel and returns its connection number.
    func accept(_ channel: any Channel, tls: Bool) -> Int {
        let number = receiver.accept(peer: Self.peer(of: channel), tls: tls)
        channels[number] = channel
        return number
    }

    /// Handles one record; returns the octets to answer with, if any.
    func receive(_ record: ArraySlice<UInt8>, connection: Int) -> [UInt8]? {
        if let records, !records.append(record) {
            receiver.outputFailed()
        }
        let receipt = receiver.receive(record, connection: connection)
        if !output.write(line: receipt.line) {
            receiver.outputFailed()
        }
        for problem in receipt.problems {
            report(problem)
        }
        return receipt.reply
    }

    /// Writes the JSON lines queued so far.
    func flush() {
        if !output.flush() {
            receiver.outputFailed()
        }
        if let records, !records.flush() {
            receiver.outputFailed()
        }
    }

    /// Ends integrity verification: reports what no check covered, writes each LIID's result line.
    private func finishIntegrity() {
        let (problems, lines) = receiver.finishIntegrity()
        for problem in problems {
            report(problem)
        }
        for line in lines where !output.write(line: line) {
            receiver.outputFailed()
        }
    }

    func secured(connection: Int, tlsVersion: String, peerSubject: String?) {
        receiver.secured(connection: connection, tlsVersion: tlsVersion, peerSubject: peerSubject)
    }

    func refused(connection: Int, reason: String) {
        report(receiver.refused(connection: connection, reason: reason))
    }

    func broken(connection: Int, error: LEMFStreamError) {
        report(receiver.broken(connection: connection, error: error))
    }

    func closed(connection: Int, unfinishedOctets: Int) {
        channels[connection] = nil
        if let line = receiver.closed(connection: connection, unfinishedOctets: unfinishedOctets) {
            report(line)
        }
    }

    /// Writes a line to standard error.
    func note(_ line: String) {
        report(line)
    }

    /// Closes every open connection, ends integrity verification, flushes and closes the outputs; completes when
    /// the connections are closed.
    func closeAll(on loop: any EventLoop) -> EventLoopFuture<Void> {
        let closing = channels.values.map { channel in
            channel.close().recover { _ in }
        }
        return EventLoopFuture.andAllComplete(closing, on: loop).assumeIsolated().always { _ in
            self.finishIntegrity()
            if !self.output.close() {
                self.receiver.outputFailed()
            }
            if let records = self.records, !records.close() {
                self.receiver.outputFailed()
            }
        }.nonisolated()
    }

    private static func peer(of channel: any Channel) -> String {
        guard let address = channel.remoteAddress else {
            return "unknown peer"
        }
        let host = address.ipAddress ?? "\(address)"
        let port = address.port.map { String($0) } ?? "?"
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
