import ETSI

/// The JSON line written for each record the LEMF receives.
///
/// `{"connection":1,"liid":"LIID-0001","cin":7,"seq":0,"kind":"IRI","iriType":"iRI-Begin","event":"accessAccept",
/// "time":"2024-05-01T00:00:00.000000Z","length":156}`; `direction` for CCs, `tri` for TRI records, `hi1` for HI1
/// notifications, `redelivery` and `sequenceError` only when they apply; `encrypted` for a record that was
/// decrypted (its fields are the decrypted record's), `integrity` for a hash or signature TRI that was checked
/// (`hash verified`, `signature failed`, ...). A record that is not DER gets `{"connection":N,"length":L,
/// "derError":"..."}`; one that does not decrypt its header fields and `decryptionError`. With integrity checks,
/// one line per LIID at the end: `{"summary":"integrity","liid":"...","records":N,...,"intact":true}`.
public enum LEMFRecordLine {
    /// What the LEMF's checks add to a record's line.
    public struct Annotation: Sendable, Equatable {
        /// Whether the record was decrypted.
        public var decrypted = false
        /// The result of an integrity check TRI (``ETSI/IntegrityOutcome/checkText``).
        public var integrity: String?

        /// An annotation.
        public init(decrypted: Bool = false, integrity: String? = nil) {
            self.decrypted = decrypted
            self.integrity = integrity
        }
    }

    /// The line of a decoded record.
    public static func render(
        _ summary: PSPDUSummary,
        connection: Int,
        verdict: LEMFSequenceChecker.Verdict?,
        _ annotation: Annotation = Annotation()
    ) -> String {
        var json = LEMFJSON()
        json.add("connection", connection)
        json.add("liid", summary.liid)
        if let cin = summary.cin {
            json.add("cin", cin)
        } else {
            json.addNull("cin")
        }
        json.add("seq", summary.sequence)
        json.add("kind", LEMFNames.kind(summary.kind))
        if let type = summary.iriType {
            json.add("iriType", LEMFNames.iriType(type))
        }
        if let event = summary.accessEventType {
            json.add("event", LEMFNames.event(event))
        }
        if let direction = summary.payloadDirection {
            json.add("direction", LEMFNames.direction(direction))
        }
        if case .hi1(let operation) = summary.kind {
            json.add("hi1", LEMFNames.hi1(operation))
        }
        if let message = summary.triMessage {
            json.add("tri", LEMFNames.triMessage(message))
        }
        if let time = summary.time {
            json.add("time", LEMFTime.iso8601(time))
        }
        json.add("length", summary.length)
        if annotation.decrypted {
            json.add("encrypted", true)
        }
        if let integrity = annotation.integrity {
            json.add("integrity", integrity)
        }
        switch verdict {
        case .redelivery:
            json.add("redelivery", true)
        case .gap(let expected):
            json.add("sequenceError", "gap: expected \(expected)")
        case .backwards(let expected):
            json.add("sequenceError", "backwards: expected \(expected), never seen")
        case .inOrder, nil:
            break
        }
        return json.line
    }

    /// The line of a record that could not be decoded as a DER PS-PDU.
    public static func render(derError: DERError, length: Int, connection: Int) -> String {
        var json = LEMFJSON()
        json.add("connection", connection)
        json.add("length", length)
        json.add("derError", "\(derError)")
        return json.line
    }

    /// The line of an encrypted record that could not be decrypted: its header fields and why.
    public static func render(_ summary: PSPDUSummary, connection: Int, decryptionError: String) -> String {
        var json = LEMFJSON()
        json.add("connection", connection)
        json.add("liid", summary.liid)
        if let cin = summary.cin {
            json.add("cin", cin)
        } else {
            json.addNull("cin")
        }
        json.add("seq", summary.sequence)
        json.add("length", summary.length)
        json.add("decryptionError", decryptionError)
        return json.line
    }

    /// The integrity result of one LIID, at the end.
    public static func render(integrity report: IntegrityLIIDReport, liid: String) -> String {
        var json = LEMFJSON()
        json.add("summary", "integrity")
        json.add("liid", liid)
        json.add("records", report.records)
        json.add("recordsCovered", report.recordsCovered)
        json.add("recordsInFailedHashes", report.recordsInFailedHashes)
        json.add("recordsMissing", report.recordsMissing)
        json.add("recordsNotCovered", report.recordsNotCovered)
        json.add("recordsUnreadable", report.recordsUnreadable)
        json.add("recordsChanged", report.recordsChanged)
        json.add("hashesVerified", report.hashesVerified)
        json.add("hashesFailed", report.hashesFailed)
        json.add("hashesNotSigned", report.hashesNotSigned)
        json.add("signaturesVerified", report.signaturesVerified)
        json.add("signaturesFailed", report.signaturesFailed)
        json.add("malformedChecks", report.malformedChecks)
        json.add("intact", report.isIntact)
        return json.line
    }
}
