import ETSI

/// ISO 8601 text of a record's timestamp, in UTC with microseconds: `2024-05-01T00:05:00.000000Z`.
public enum LEMFTime {
    /// Formats `time` (proleptic Gregorian calendar; years outside 0...9999 are written with as many digits as
    /// they need).
    public static func iso8601(_ time: Timestamp) -> String {
        let (days, secondOfDay) = floorDivide(time.seconds, 86_400)
        let date = civil(daysSinceEpoch: days)
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + pad(Int64(time.microseconds), 6) + "Z"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let split = value.quotientAndRemainder(dividingBy: divisor)
        return split.remainder < 0 ? (split.quotient - 1, split.remainder + divisor) : split
    }

    /// Days since 1970-01-01 to (year, month, day), counting 400-year eras that start on 1 March.
    private static func civil(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let (era, dayOfEra) = floorDivide(days + 719_468, 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
