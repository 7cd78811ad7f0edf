import ETSI

/// The LEMF's protocol logic, without sockets: decodes each record, checks its sequence number, counts it, and
/// says what to write and what to answer.
///
/// One receiver serves every connection, so that sequence numbers are checked across reconnects (a redelivery
/// arrives on a new connection).
public struct LEMFReceiver: Sendable {
    /// Everything counted so far.
    public private(set) var summary = LEMFSummary()
    private var checker = LEMFSequenceChecker()
    private var lastConnection = 0

    /// Creates a receiver that has seen nothing.
    public init() {}

    /// Registers a newly accepted connection and returns its number (1, 2, ...).
    public mutating func accept(peer: String, tls: Bool) -> Int {
        lastConnection += 1
        summary.connections[lastConnection] = LEMFConnectionRecord(number: lastConnection, peer: peer, tls: tls)
        return lastConnection
    }

    /// Notes a completed TLS handshake.
    public mutating func secured(connection: Int, tlsVersion: String, peerSubject: String?) {
        summary.connections[connection]?.tlsVersion = tlsVersion
        summary.connections[connection]?.peerSubject = peerSubject
    }

    /// Notes a refused TLS handshake; returns the line for standard error.
    public mutating func refused(connection: Int, reason: String) -> String {
        summary.refusedHandshakes += 1
        summary.connections[connection]?.failure = "refused: \(reason)"
        return "lemf: connection \(connection): TLS handshake refused: \(reason)"
    }

    /// Notes a stream that cannot be split any more; returns the line for standard error.
    public mutating func broken(connection: Int, error: LEMFStreamError) -> String {
        summary.brokenStreams += 1
        summary.connections[connection]?.failure = "closed: \(error)"
        return "lemf: connection \(connection): \(error); closing the connection"
    }

    /// Notes a closed connection with `unfinishedOctets` of a partial record left; returns a line for standard
    /// error when a record was cut (not an error: the appliance sends unacknowledged records again).
    public mutating func closed(connection: Int, unfinishedOctets: Int) -> String? {
        summary.connections[connection]?.closed = true
        guard unfinishedOctets > 0 else {
            return nil
        }
        summary.connections[connection]?.truncatedOctets = unfinishedOctets
        return "lemf: connection \(connection): closed inside a record (\(unfinishedOctets) octets dropped)"
    }

    /// Notes a JSON line that could not be written.
    public mutating func outputFailed() {
        summary.outputFailures += 1
    }

    /// Handles one whole record received on `connection`.
    public mutating func receive(_ record: ArraySlice<UInt8>, connection: Int) -> LEMFReceipt {
        summary.connections[connection]?.records += 1
        let decoded = record.withUnsafeBytes { bytes -> Result<PSPDUSummary, DERError> in
            do throws(DERError) {
                return .success(try PSPDUReader.summarize(bytes))
            } catch {
                return .failure(error)
            }
        }
        let lenient = record.withUnsafeBytes { try? PSPDUReader.summarize($0, lenient: true) }
        var receipt: LEMFReceipt
        switch decoded {
        case .success(let pdu):
            receipt = receive(pdu, connection: connection)
        case .failure(let error):
            receipt = notDER(record, error: error, lenient: lenient, connection: connection)
        }
        if lenient?.triMessage == .keepAlive,
            let reply = record.withUnsafeBytes({ try? KeepAlivePDU.response(to: $0) })
        {
            receipt.reply = reply
            summary.connections[connection]?.keepAlivesAnswered += 1
        }
        return receipt
    }

    private mutating func receive(_ pdu: PSPDUSummary, connection: Int) -> LEMFReceipt {
        var counters = summary.liids[pdu.liid] ?? LEMFLIIDCounters()
        defer { summary.liids[pdu.liid] = counters }
        counters.records += 1
        counters.connections.insert(connection)
        var stream: LEMFSequenceChecker.Stream?
        switch pdu.kind {
        case .iri:
            counters.iris[pdu.iriType, default: 0] += 1
            counters.cins.insert(pdu.cin)
            stream = .iri
        case .cc:
            counters.ccs += 1
            counters.cins.insert(pdu.cin)
            stream = .cc
        case .tri:
            counters.tris += 1
            if pdu.triMessage == .cinReset {
                counters.cinResets += 1
                checker.reset(liid: pdu.liid, cin: pdu.cin)
            }
        case .hi1, .other(3):
            counters.hi1 += 1
        case .other:
            counters.otherPayloads += 1
        }
        guard let stream else {
            return LEMFReceipt(line: LEMFRecordLine.render(pdu, connection: connection, verdict: nil))
        }
        let key = LEMFSequenceChecker.Key(liid: pdu.liid, cin: pdu.cin, stream: stream)
        let verdict = checker.check(pdu.sequence, for: key)
        let line = LEMFRecordLine.render(pdu, connection: connection, verdict: verdict)
        let streamName =
            "LIID \(LEMFJSON.quoted(pdu.liid)) CIN \(pdu.cin.map { String($0) } ?? "none") \(stream.rawValue)"
        switch verdict {
        case .inOrder:
            return LEMFReceipt(line: line)
        case .redelivery:
            counters.redeliveries += 1
            return LEMFReceipt(line: line)
        case .gap(let expected):
            counters.gaps += 1
            return LEMFReceipt(
                line: line,
                problem:
                    "lemf: connection \(connection): \(streamName) sequence \(pdu.sequence): gap, expected \(expected)"
            )
        case .backwards(let expected):
            counters.backwards += 1
            return LEMFReceipt(
                line: line,
                problem: "lemf: connection \(connection): \(streamName) sequence \(pdu.sequence): went back past "
                    + "what was seen (expected \(expected))"
            )
        }
    }

    private mutating func notDER(
        _ record: ArraySlice<UInt8>,
        error: DERError,
        lenient: PSPDUSummary?,
        connection: Int
    ) -> LEMFReceipt {
        var owner = "a record"
        if let liid = lenient?.liid ?? LEMFTLV.liid(ofRecord: record) {
            var counters = summary.liids[liid] ?? LEMFLIIDCounters()
            counters.records += 1
            counters.derErrors += 1
            counters.connections.insert(connection)
            summary.liids[liid] = counters
            owner = "a record of LIID \(LEMFJSON.quoted(liid))"
        } else {
            summary.unattributedDERErrors += 1
        }
        return LEMFReceipt(
            line: LEMFRecordLine.render(derError: error, length: record.count, connection: connection),
            problem: "lemf: connection \(connection): \(owner) is not DER: \(error)"
        )
    }
}
