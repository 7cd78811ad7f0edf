/// Feeding whole received records.
extension IntegrityVerifier {
    /// Takes one opened record: an IRI, CC or HI1 record is held for its hash TRI (IRI and HI1 in the IRI stream
    /// of their LIID and CIN, CC in the CC stream), an integrity check TRI is checked, a cINReset lets the CIN's
    /// streams start again (``reset(liid:cin:)``), a record still encrypted (no key) is noted unreadable, anything
    /// else is not covered by integrity checks.
    public mutating func receive(_ record: ReceivedRecord) -> IntegrityOutcome {
        let summary = record.summary
        switch summary.kind {
        case .iri, .hi1, .other(3):
            let stream = IntegrityStream(liid: summary.liid, cin: summary.cin, dataType: .iri)
            return add(record: record.hashedForm, sequence: summary.sequence, in: stream)
        case .cc:
            let stream = IntegrityStream(liid: summary.liid, cin: summary.cin, dataType: .cc)
            return add(record: record.hashedForm, sequence: summary.sequence, in: stream)
        case .tri where summary.triMessage == .cinReset:
            reset(liid: summary.liid, cin: summary.cin)
            return IntegrityOutcome(.notCovered)
        case .tri:
            return check(record, summary: summary)
        case .other(4):
            noteUnreadable(liid: summary.liid, cin: summary.cin, sequence: summary.sequence)
            return IntegrityOutcome(.unreadable)
        case .other:
            return IntegrityOutcome(.notCovered)
        }
    }

    /// Notes a record that could not be opened (see ``noteUnreadable(liid:cin:sequence:)``) when its header could
    /// be read.
    public mutating func noteUnreadable(_ error: ReceivedRecordError) {
        guard let summary = error.summary else { return }
        noteUnreadable(liid: summary.liid, cin: summary.cin, sequence: summary.sequence)
    }

    private mutating func check(_ record: ReceivedRecord, summary: PSPDUSummary) -> IntegrityOutcome {
        let read = record.plainRecord.withUnsafeBytes { bytes in
            Result { () throws(DERError) in try IntegrityCheck.read(from: bytes) }
        }
        switch read {
        case .success(let found?):
            return add(
                found.check,
                contentOctets: found.contentOctets,
                number: summary.sequence,
                liid: summary.liid,
                cin: summary.cin
            )
        case .success(nil):
            return IntegrityOutcome(.notCovered)
        case .failure(let error):
            reports[summary.liid, default: IntegrityLIIDReport()].malformedChecks += 1
            let problem = IntegrityProblem(
                .malformedCheck(number: summary.sequence, reason: "\(error)"),
                liid: summary.liid,
                cin: summary.cin,
                dataType: nil
            )
            return IntegrityOutcome(.notCovered, problems: [problem])
        }
    }
}
