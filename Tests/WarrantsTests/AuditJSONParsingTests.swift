import Testing

@testable import Warrants

/// The audit log's JSON reader: what the writer writes comes back equal, and nothing else is accepted loosely.
@Suite struct AuditJSONParsingTests {
    @Test func readsBackWhatTheWriterWrites() throws {
        let value = AuditJSON.object([
            ("name", .string("a \"quoted\" \\ name\n\t\u{1}é😀")),
            ("count", .integer(-9_223_372_036_854_775_808)),
            ("flags", .array([.boolean(true), .boolean(false), .null])),
            ("nested", .object([("empty", .array([])), ("none", .object([]))])),
        ])
        #expect(AuditJSON(parsing: value.text) == value)
    }

    @Test func readsEscapesAndSpace() {
        let text = " { \"a\" : [ 1 , \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\r\" ] } "
        #expect(AuditJSON(parsing: text) == .object([("a", .array([.integer(1), .string("é😀/\u{8}\u{C}\r")]))]))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.5", "1e3", "+1", "\"\u{1}\"", "\"\\x\"", "\"\\ud83d\"", "tru",
        "nul", "{\"a\" 1}", "[1] [2]", "99999999999999999999", "\"\\u12G4\"", String(repeating: "[", count: 40),
    ])
    func refusesWhatIsNotJSONTheLogWrites(_ text: String) {
        #expect(AuditJSON(parsing: text) == nil)
    }

    @Test func objectsCompareInOrder() {
        let forward = AuditJSON.object([("a", .integer(1)), ("b", .integer(2))])
        let backward = AuditJSON.object([("b", .integer(2)), ("a", .integer(1))])
        #expect(forward != backward)
    }
}
