import Testing

@testable import ETSI

/// Timestamps, GeneralizedTime in DER form, and the calendar arithmetic behind it.
@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), Int32(0), "19700101000000Z"),
        (1_714_521_600, 0, "20240501000000Z"),
        (1_700_000_001, 40_000, "20231114221321.04Z"),
        (1_700_000_000, 500_000, "20231114221320.5Z"),
        (951_782_400, 7, "20000229000000.000007Z"),
        (1_714_523_400, 123_456, "20240501003000.123456Z"),
        (253_402_300_799, 999_999, "99991231235959.999999Z"),
        (253_402_300_800, 0, "99991231235959Z"),
        (-5, 0, "19700101000000Z"),
    ])
    func generalizedTimeIsDER(seconds: Int64, micros: Int32, expected: String) throws {
        let time = Timestamp(seconds: seconds, microseconds: micros)
        var out: [UInt8] = []
        time.appendGeneralizedTime(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
        #expect(time.generalizedTimeLength == out.count)
        if seconds >= 0, seconds <= Timestamp.maximumGeneralizedSeconds {
            let parsed = try out.withUnsafeBytes { buffer throws(DERError) in try Timestamp(generalizedTime: buffer) }
            #expect(parsed == time)
        }
    }

    @Test(arguments: [
        "", "2024050100000Z", "20240501000000", "20241301000000Z", "20240501000000.Z",
        "20240501000000+0100", "2024O501000000Z",
    ])
    func malformedTimesAreRejected(text: String) {
        #expect(throws: DERError.invalidTime) {
            try Array(text.utf8).withUnsafeBytes { buffer throws(DERError) in try Timestamp(generalizedTime: buffer) }
        }
    }

    @Test(arguments: [Int64(0), 59, 86_399, 86_400, 951_782_400, 1_714_521_600, -86_400, 253_402_300_799])
    func civilDatesRoundTrip(seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let date = CivilDate(daysSinceEpoch: days)
        #expect(date.daysSinceEpoch == days)
    }

    @Test func civilDatesKnownValues() {
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: 11_016) == CivilDate(year: 2000, month: 2, day: 29))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
    }

    @Test func epochMicrosRoundTripAndNormalise() {
        #expect(Timestamp(epochMicros: -1) == Timestamp(seconds: -1, microseconds: 999_999))
        #expect(Timestamp(epochMicros: 1_714_521_601_250_000).microseconds == 250_000)
        #expect(Timestamp(seconds: 5, microseconds: 1_500_000) == Timestamp(seconds: 6, microseconds: 500_000))
        #expect(Timestamp(seconds: 5, microseconds: -1) == Timestamp(seconds: 4, microseconds: 999_999))
        #expect(Timestamp(seconds: 1, microseconds: 2).epochMicros == 1_000_002)
        #expect(Timestamp(seconds: Int64.max, microseconds: 0).epochMicros == Int64.max)
        #expect(Timestamp(seconds: 1, microseconds: 0) < Timestamp(seconds: 1, microseconds: 1))
    }
}
