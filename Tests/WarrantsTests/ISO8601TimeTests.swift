import Testing
import Warrants

@Suite struct ISO8601TimeTests {
    @Test(
        arguments: [
            ("2026-01-01T00:00:00Z", 1_767_225_600_000_000),
            ("2026-01-01T13:00:00+13:00", 1_767_225_600_000_000),
            ("2025-12-31T19:00:00-0500", 1_767_225_600_000_000),
            ("2026-01-01T00:00:00.5Z", 1_767_225_600_500_000),
            ("2026-01-01T00:00:00.123456789Z", 1_767_225_600_123_456),
            ("2024-02-29T12:30:15Z", 1_709_209_815_000_000),
            ("1969-07-20T20:17:40Z", -14_182_940_000_000),
            ("1970-01-01T00:00:00Z", 0),
            ("2026-01-01t00:00:00z", 1_767_225_600_000_000),
        ] as [(String, Int64)]
    )
    func parses(_ text: String, _ micros: Int64) throws {
        #expect(ISO8601Time.micros(parsing: text) == micros)
        #expect(try WarrantValidation.time(text, field: "--start") == micros)
    }

    @Test(arguments: [
        "2026-01-01", "2026-01-01T00:00:00", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z",
        "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01 00:00:00Z", "26-01-01T00:00:00Z",
        "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00+1", "2026-01-01T00:00:00Zjunk", "", "now",
    ])
    func refuses(_ text: String) {
        #expect(ISO8601Time.micros(parsing: text) == nil)
        let error = storeError { () throws(StoreError) in _ = try WarrantValidation.time(text, field: "--end") }
        #expect(error?.field == "--end")
        #expect(error?.message.hasPrefix("--end ") == true)
    }

    @Test(
        arguments: [
            (1_767_225_600_000_000, "2026-01-01T00:00:00Z"),
            (1_767_225_600_500_000, "2026-01-01T00:00:00.500000Z"),
            (-14_182_940_000_000, "1969-07-20T20:17:40Z"),
            (-1, "1969-12-31T23:59:59.999999Z"),
            (951_782_400_000_000, "2000-02-29T00:00:00Z"),
        ] as [(Int64, String)]
    )
    func formats(_ micros: Int64, _ text: String) {
        #expect(ISO8601Time.format(micros: micros) == text)
        #expect(ISO8601Time.micros(parsing: text) == micros)
    }
}
