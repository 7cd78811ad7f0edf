import ETSI

/// The JSON line written for each record the LEMF receives.
///
/// `{"connection":1,"liid":"LIID-0001","cin":7,"seq":0,"kind":"IRI","iriType":"iRI-Begin","event":"accessAccept",
/// "time":"2024-05-01T00:00:00.000000Z","length":156}`; `direction` for CCs, `tri` for TRI records, `hi1` for HI1
/// notifications, `redelivery` and `sequenceError` only when they apply. A record that is not DER gets `{"connection":N,"length":L,
/// "derError":"..."}`.
public enum LEMFRecordLine {
    /// The line of a decoded record.
    public static func render(
        _ summary: PSPDUSummary,
        connection: Int,
        verdict: LEMFSequenceChecker.Verdict?
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
}
