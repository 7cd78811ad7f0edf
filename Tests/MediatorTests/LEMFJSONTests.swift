import ETSI
import Mediator
import TestSupport
import Testing

@Suite("LEMF JSON lines")
struct LEMFJSONTests {
    @Test(
        "strings are escaped as JSON requires",
        arguments: [
            ("plain", #""plain""#),
            ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
            ("line\nfeed\r\ttab", #""line\nfeed\r\ttab""#),
            ("\u{08}\u{0C}", #""\b\f""#),
            ("nul \u{00} unit \u{1F} del \u{7F}", "\"nul \\u0000 unit \\u001f del \u{7F}\""),
            ("LIID-é-日本", "\"LIID-é-日本\""),
            ("/slash", #""/slash""#),
        ]
    )
    func escaping(input: String, expected: String) {
        #expect(LEMFJSON.quoted(input) == expected)
    }

    @Test("an object keeps the order of its fields")
    func object() {
        var json = LEMFJSON()
        json.add("a", 1)
        json.add("b", "x\"y")
        json.add("c", true)
        json.addNull("d")
        #expect(json.line == #"{"a":1,"b":"x\"y","c":true,"d":null}"#)
        #expect(LEMFJSON().line == "{}")
    }

    @Test(
        "times are ISO 8601 UTC with microseconds",
        arguments: [
            (Timestamp(seconds: 0, microseconds: 0), "1970-01-01T00:00:00.000000Z"),
            (Timestamp(seconds: 1_714_521_900, microseconds: 7), "2024-05-01T00:05:00.000007Z"),
            (Timestamp(seconds: 951_782_400, microseconds: 999_999), "2000-02-29T00:00:00.999999Z"),
            (Timestamp(seconds: -1, microseconds: 500_000), "1969-12-31T23:59:59.500000Z"),
            (Timestamp(seconds: 253_402_300_799, microseconds: 0), "9999-12-31T23:59:59.000000Z"),
        ]
    )
    func time(stamp: Timestamp, expected: String) {
        #expect(LEMFTime.iso8601(stamp) == expected)
    }

    @Test("the line of a golden IRI record")
    func recordLine() throws {
        let record = try VectorFiles.bytes("ipiri-begin.der")
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        let line = LEMFRecordLine.render(summary, connection: 3, verdict: .redelivery)
        #expect(
            line
                == #"{"connection":3,"liid":"LIID-0001","cin":7,"seq":0,"kind":"IRI","iriType":"iRI-Begin","#
                + #""event":"accessAccept","time":"2024-05-01T00:00:00.000000Z","length":156,"redelivery":true}"#
        )
    }

    @Test("the line of a golden CC record with a gap")
    func ccLine() throws {
        let record = try VectorFiles.bytes("ipcc.der")
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        let line = LEMFRecordLine.render(summary, connection: 1, verdict: .gap(expected: 4))
        #expect(line.contains(#""kind":"CC","direction":"fromTarget""#))
        #expect(line.hasSuffix(#""length":134,"sequenceError":"gap: expected 4"}"#))
    }
}
