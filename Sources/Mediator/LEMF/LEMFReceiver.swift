import ETSI

/// The LEMF's protocol logic, without sockets: decodes each record (decrypting it with the agency's key when it is
/// encrypted and a key is given), checks its sequence number and, when asked, its integrity, counts it, and says
/// what to write and what to answer.
///
/// One receiver serves every connection, so that sequence numbers are checked across reconnects (a redelivery
/// arrives on a new connection).
public struct LEMFReceiver: Sendable {
    var counts = LEMFSummary()
    private var checker = LEMFSequenceChecker()
    private var lastConnection = 0
    let decryptor: RecordDecryptor?
    var verifier: IntegrityVerifier?

    /// Creates a receiver that has seen nothing; with `decryptionKey` it decrypts encrypted records, with
    /// `integrityKey` it verifies every hash and signature TRI (``IntegrityVerifier``).
    public init(decryptionKey: PayloadEncryptionKey? = nil, integrityKey: IntegrityVerifyingKey? = nil) {
        decryptor = decryptionKey.map(RecordDecryptor.init)
        verifier = integrityKey.map { IntegrityVerifier(key: $0) }
    }

    /// Everything counted so far.
    public var summary: LEMFSummary {
        var summary = counts
        summary.integrity = verifier?.reports
        return summary
    }

    /// Registers a newly accepted connection and returns its number (1, 2, ...).
    public mutating func accept(peer: String, tls: Bool) -> Int {
        lastConnection += 1
        counts.connections[lastConnection] = LEMFConnectionRecord(number: lastConnection, peer: peer, tls: tls)
        return lastConnection
    }

    /// Notes a completed TLS handshake.
    public mutating func secured(connection: Int, tlsVersion: String, peerSubject: String?) {
        counts.connections[connection]?.tlsVersion = tlsVersion
        counts.connections[connection]?.peerSubject = peerSubject
    }

    /// Notes a refused TLS handshake; returns the line for standard error.
    public mutating func refused(connection: Int, reason: String) -> String {
        counts.refusedHandshakes += 1
        counts.connections[connection]?.failure = "refused: \(reason)"
        return "lemf: connection \(connection): TLS handshake refused: \(reason)"
    }

    /// Notes a stream that cannot be split any more; returns the line for standard error.
    public mutating func broken(connection: Int, error: LEMFStreamError) -> String {
        counts.brokenStreams += 1
        counts.connections[connection]?.failure = "closed: \(error)"
        return "lemf: connection \(connection): \(error); closing the connection"
    }

    /// Notes a closed connection with `unfinishedOctets` of a partial record left; returns a line for standard
    /// error when a record was cut (not an error: the appliance sends unacknowledged records again).
    public mutating func closed(connection: Int, unfinishedOctets: Int) -> String? {
        counts.connections[connection]?.closed = true
        guard unfinishedOctets > 0 else {
            return nil
        }
        counts.connections[connection]?.truncatedOctets = unfinishedOctets
        return "lemf: connection \(connection): closed inside a record (\(unfinishedOctets) octets dropped)"
    }

    /// Notes a JSON line that could not be written.
    public mutating func outputFailed() {
        counts.outputFailures += 1
    }

    /// Handles one whole record received on `connection`.
    public mutating func receive(_ record: ArraySlice<UInt8>, connection: Int) -> LEMFReceipt {
        counts.connections[connection]?.records += 1
        let opened = record.withUnsafeBytes { bytes in
            Result { () throws(ReceivedRecordError) in try ReceivedRecord.open(bytes, decryptor: decryptor) }
        }
        var receipt: LEMFReceipt
        let triMessage: PSPDUSummary.TRIMessage?
        switch opened {
        case .success(let received):
            triMessage = received.summary.triMessage
            let integrity = verifier?.receive(received)
            receipt = receive(received.summary, connection: connection, decrypted: received.wasDecrypted, integrity)
        case .failure(let error):
            triMessage = error.summary?.triMessage
            verifier?.noteUnreadable(error)
            receipt = unreadable(record, error: error, connection: connection)
        }
        if triMessage == .keepAlive, let reply = record.withUnsafeBytes({ try? KeepAlivePDU.response(to: $0) }) {
            receipt.reply = reply
            counts.connections[connection]?.keepAlivesAnswered += 1
        }
        return receipt
    }

    private mutating func receive(
        _ pdu: PSPDUSummary,
        connection: Int,
        decrypted: Bool,
        _ integrity: IntegrityOutcome?
    ) -> LEMFReceipt {
        var counters = counts.liids[pdu.liid] ?? LEMFLIIDCounters()
        defer { counts.liids[pdu.liid] = counters }
        counters.records += 1
        counters.connections.insert(connection)
        if decrypted {
            counters.encrypted += 1
            counters.decrypted += 1
        }
        let annotation = LEMFRecordLine.Annotation(decrypted: decrypted, integrity: integrity?.checkText)
        let integrityProblems = (integrity?.problems ?? []).map {
            "lemf: connection \(connection): integrity: \($0)"
        }
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
        case .other(4):
            counters.encrypted += 1
        case .other:
            counters.otherPayloads += 1
        }
        guard let stream else {
            let line = LEMFRecordLine.render(pdu, connection: connection, verdict: nil, annotation)
            return LEMFReceipt(line: line, problems: integrityProblems)
        }
        let key = LEMFSequenceChecker.Key(liid: pdu.liid, cin: pdu.cin, stream: stream)
        let verdict = checker.check(pdu.sequence, for: key)
        let line = LEMFRecordLine.render(pdu, connection: connection, verdict: verdict, annotation)
        let streamName =
            "LIID \(LEMFJSON.quoted(pdu.liid)) CIN \(pdu.cin.map { String($0) } ?? "none") \(stream.rawValue)"
        switch verdict {
        case .inOrder:
            return LEMFReceipt(line: line, problems: integrityProblems)
        case .redelivery:
            counters.redeliveries += 1
            return LEMFReceipt(line: line, problems: integrityProblems)
        case .gap(let expected):
            counters.gaps += 1
            let problem =
                "lemf: connection \(connection): \(streamName) sequence \(pdu.sequence): gap, expected \(expected)"
            return LEMFReceipt(line: line, problems: [problem] + integrityProblems)
        case .backwards(let expected):
            counters.backwards += 1
            let problem =
                "lemf: connection \(connection): \(streamName) sequence \(pdu.sequence): went back past what was "
                + "seen (expected \(expected))"
            return LEMFReceipt(line: line, problems: [problem] + integrityProblems)
        }
    }

    mutating func notDER(
        _ record: ArraySlice<UInt8>,
        error: DERError,
        lenient: PSPDUSummary?,
        connection: Int
    ) -> LEMFReceipt {
        var owner = "a record"
        if let liid = lenient?.liid ?? LEMFTLV.liid(ofRecord: record) {
            var counters = counts.liids[liid] ?? LEMFLIIDCounters()
            counters.records += 1
            counters.derErrors += 1
            counters.connections.insert(connection)
            counts.liids[liid] = counters
            owner = "a record of LIID \(LEMFJSON.quoted(liid))"
        } else {
            counts.unattributedDERErrors += 1
        }
        return LEMFReceipt(
            line: LEMFRecordLine.render(derError: error, length: record.count, connection: connection),
            problems: ["lemf: connection \(connection): \(owner) is not DER: \(error)"]
        )
    }
}
