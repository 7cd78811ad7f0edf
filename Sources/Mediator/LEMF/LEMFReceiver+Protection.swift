import ETSI

/// Records that cannot be opened, and the end of integrity verification.
extension LEMFReceiver {
    /// Counts a record that is not DER or does not decrypt; the receipt names its LIID, CIN and sequence number
    /// when they can be read.
    mutating func unreadable(_ record: ArraySlice<UInt8>, error: ReceivedRecordError, connection: Int) -> LEMFReceipt {
        let pdu: PSPDUSummary
        switch error {
        case .notDER(let derError, let lenient):
            return notDER(record, error: derError, lenient: lenient, connection: connection)
        case .notDecryptable(_, let summary), .decryptedNotDER(_, let summary):
            pdu = summary
        }
        var counters = counts.liids[pdu.liid] ?? LEMFLIIDCounters()
        counters.records += 1
        counters.encrypted += 1
        counters.decryptionFailures += 1
        counters.connections.insert(connection)
        counts.liids[pdu.liid] = counters
        let cin = pdu.cin.map { String($0) } ?? "none"
        return LEMFReceipt(
            line: LEMFRecordLine.render(pdu, connection: connection, decryptionError: "\(error)"),
            problems: [
                "lemf: connection \(connection): LIID \(LEMFJSON.quoted(pdu.liid)) CIN \(cin) sequence "
                    + "\(pdu.sequence): \(error)"
            ]
        )
    }

    /// Ends integrity verification (when asked for): records no hash TRI covered and hash TRIs no signature TRI
    /// signed become problems. Returns the lines for standard error and one JSON line per LIID with its result.
    public mutating func finishIntegrity() -> (problems: [String], lines: [String]) {
        guard var verifier else { return ([], []) }
        let problems = verifier.finish().map { "lemf: integrity: \($0)" }
        self.verifier = verifier
        let lines = verifier.reports.keys.sorted().compactMap { liid in
            verifier.reports[liid].map { LEMFRecordLine.render(integrity: $0, liid: liid) }
        }
        return (problems, lines)
    }
}
