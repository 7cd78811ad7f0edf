import TestSupport
import Testing

/// One IRI a scenario expects: its type and the SIP message it carries.
struct ExpectedIRI {
    var type: String
    var message: SIPSent
}

/// Comparisons of delivered IPMMIRIs and IPMMCCs with what a crafted capture sent, reported message by message.
enum VoIPExpect {
    static let begin = "iRI-Begin"
    static let continuation = "iRI-Continue"
    static let end = "iRI-End"
    static let report = "iRI-Report"

    /// A whole call: the first message BEGIN, the last END (CONTINUE when `ended` is false), the rest CONTINUE.
    static func call(_ messages: [SIPSent], ended: Bool = true) -> [ExpectedIRI] {
        messages.enumerated().map { index, message in
            let type =
                index == 0 ? begin : (ended && index == messages.count - 1 ? end : continuation)
            return ExpectedIRI(type: type, message: message)
        }
    }

    /// Every message an IRI-REPORT.
    static func reports(_ messages: [SIPSent]) -> [ExpectedIRI] {
        messages.map { ExpectedIRI(type: report, message: $0) }
    }

    /// `type SUMMARY [Call-ID CSeq]` of one IRI.
    static func describe(type: String?, message: [UInt8]?) -> String {
        guard let message else { return "\(type ?? "?") (no SIP content)" }
        let callID = DecodedRecord.sipHeader("Call-ID", compact: "i", in: message) ?? "?"
        let cseq = DecodedRecord.sipHeader("CSeq", in: message) ?? "?"
        return "\(type ?? "?") \(DecodedRecord.sipSummary(of: message)) [\(callID) \(cseq)]"
    }

    /// `iris` (in sequence order) carry exactly the `expected` messages with their types, and each its sender's and
    /// receiver's addresses.
    static func iris(
        _ iris: [DecodedRecord],
        _ expected: [ExpectedIRI],
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let got = iris.map { describe(type: $0.iriType, message: $0.sipContent) }
        let want = expected.map { describe(type: $0.type, message: $0.message.bytes) }
        #expect(got == want, "\(what): IRIs", sourceLocation: sourceLocation)
        guard got == want else { return }
        var wrong: [String] = []
        for (index, (record, wanted)) in zip(iris, expected).enumerated() {
            let content = record.sipContent ?? []
            if content != wanted.message.bytes {
                wrong.append("IRI \(index): sIPContent \(content.count) bytes, message \(wanted.message.bytes.count)")
            }
            if record.sipSource != wanted.message.from.address || record.sipDestination != wanted.message.to.address {
                wrong.append(
                    "IRI \(index): addresses \(record.sipSource ?? []) -> \(record.sipDestination ?? []), sent "
                        + "\(wanted.message.from.host) -> \(wanted.message.to.host)"
                )
            }
        }
        #expect(wrong.isEmpty, "\(what): \(wrong)", sourceLocation: sourceLocation)
    }

    /// `ccs` are exactly the `expected` RTP/RTCP packets (any order), each an ipFrame with mMCCprotocol rTP whose
    /// IP header names the sender and receiver, and — when `targetSide` is given — fromTarget when sent from one of
    /// those endpoints, toTarget otherwise. `unwanted` packets (which must not be there) are only named in failures.
    static func ccs(
        _ ccs: [DecodedRecord],
        _ expected: [SIPSent],
        unwanted: [SIPSent] = [],
        targetSide: Set<SIPEndpoint>?,
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var sent: [[UInt8]: SIPSent] = [:]
        for packet in unwanted + expected { sent[packet.bytes] = packet }
        let want = expected.map { packet in
            describe(packet, direction: targetSide.map { $0.contains(packet.from) ? "fromTarget" : "toTarget" })
        }
        let got = ccs.map { record in
            let payload = record.mediaPayload ?? []
            guard var packet = sent[payload] else {
                return "unexpected \(payload.count) bytes \(payload.prefix(12).map { String($0, radix: 16) })"
            }
            if let endpoints = record.mediaEndpoints {
                packet.from = endpoints.from
                packet.to = endpoints.to
            }
            return describe(packet, direction: targetSide == nil ? nil : record.direction ?? "no direction")
        }
        var missing = want
        var unexpected: [String] = []
        for item in got {
            if let index = missing.firstIndex(of: item) { missing.remove(at: index) } else { unexpected.append(item) }
        }
        #expect(got.count == want.count, "\(what): CC count", sourceLocation: sourceLocation)
        #expect(
            missing.isEmpty && unexpected.isEmpty,
            "\(what): CCs missing \(missing), unexpected \(unexpected)",
            sourceLocation: sourceLocation
        )
        let frames = Set(ccs.map { "\($0.frameType ?? "none")/\($0.mediaProtocol ?? "none")" })
        #expect(
            frames.isSubset(of: ["ipFrame/rTP"]),
            "\(what): CC frameType/mMCCprotocol \(frames)",
            sourceLocation: sourceLocation
        )
    }

    /// `RTP from>to #sequence` or `RTCP from>to`, with the direction in front when given.
    static func describe(_ packet: SIPSent, direction: String?) -> String {
        let bytes = packet.bytes
        let kind =
            bytes.count > 3 && bytes[1] == 200
            ? "RTCP" : "RTP #\(bytes.count > 3 ? Int(bytes[2]) << 8 | Int(bytes[3]) : -1)"
        return (direction.map { $0 + " " } ?? "") + "\(kind) \(packet.from)>\(packet.to)"
    }
}
