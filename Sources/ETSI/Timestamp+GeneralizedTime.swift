/// DER GeneralizedTime (`YYYYMMDDhhmmss[.f...]Z`, UTC, no trailing zeros in the fraction, no fraction if zero)
/// and the clamped fields of a `MicroSecondTimeStamp`.
extension Timestamp {
    /// 9999-12-31T23:59:59Z, the last second a four-digit year can carry.
    static let maximumGeneralizedSeconds: Int64 = 253_402_300_799

    /// Seconds as a `MicroSecondTimeStamp` carries them: `INTEGER (0..18446744073709551615)`, so never negative.
    var clampedSeconds: UInt64 {
        seconds < 0 ? 0 : UInt64(seconds)
    }

    /// Microseconds clamped to `INTEGER (0..999999)`.
    var clampedMicroseconds: UInt64 {
        UInt64(min(max(microseconds, 0), 999_999))
    }

    /// The number of fraction digits DER needs for `clampedMicroseconds` (0 to 6).
    private var fractionDigits: Int {
        var micros = clampedMicroseconds
        if micros == 0 {
            return 0
        }
        var digits = 6
        while micros % 10 == 0 {
            micros /= 10
            digits -= 1
        }
        return digits
    }

    /// The content length of this time as a DER GeneralizedTime.
    var generalizedTimeLength: Int {
        let digits = fractionDigits
        return 15 + (digits > 0 ? digits + 1 : 0)
    }

    /// Appends the GeneralizedTime content octets (clamped to years 1970 to 9999).
    func appendGeneralizedTime(to out: inout [UInt8]) {
        let clamped = min(max(seconds, 0), Self.maximumGeneralizedSeconds)
        let days = clamped / 86_400
        let secondOfDay = clamped % 86_400
        let date = CivilDate(daysSinceEpoch: days)
        Self.appendDigits(date.year, count: 4, to: &out)
        Self.appendDigits(date.month, count: 2, to: &out)
        Self.appendDigits(date.day, count: 2, to: &out)
        Self.appendDigits(secondOfDay / 3600, count: 2, to: &out)
        Self.appendDigits(secondOfDay / 60 % 60, count: 2, to: &out)
        Self.appendDigits(secondOfDay % 60, count: 2, to: &out)
        let digits = fractionDigits
        if digits > 0 {
            out.append(UInt8(ascii: "."))
            var micros = Int64(clampedMicroseconds)
            for _ in digits..<6 {
                micros /= 10
            }
            Self.appendDigits(micros, count: digits, to: &out)
        }
        out.append(UInt8(ascii: "Z"))
    }

    /// Appends `value` as exactly `count` decimal digits (the lowest ones).
    static func appendDigits(_ value: Int64, count: Int, to out: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<max(count, 1) {
            divisor *= 10
        }
        var remaining = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Parses GeneralizedTime content octets of the form `YYYYMMDDhhmmss[.f...]Z` (UTC only; fraction digits beyond
    /// microseconds are dropped).
    init(generalizedTime bytes: UnsafeRawBufferPointer) throws(DERError) {
        guard bytes.count >= 15, bytes[bytes.count - 1] == UInt8(ascii: "Z") else {
            throw .invalidTime
        }
        func number(_ start: Int, _ count: Int) throws(DERError) -> Int64 {
            var value: Int64 = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    throw .invalidTime
                }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let year = try number(0, 4)
        let month = try number(4, 2)
        let day = try number(6, 2)
        let hour = try number(8, 2)
        let minute = try number(10, 2)
        let second = try number(12, 2)
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            throw .invalidTime
        }
        var micros: Int64 = 0
        let fractionEnd = bytes.count - 1
        if fractionEnd > 14 {
            guard bytes[14] == UInt8(ascii: "."), fractionEnd > 15 else {
                throw .invalidTime
            }
            var scale: Int64 = 100_000
            for index in 15..<fractionEnd {
                let digit = try number(index, 1)
                micros += digit * scale
                scale /= 10
            }
        }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        self.init(seconds: days * 86_400 + hour * 3600 + minute * 60 + second, microseconds: Int32(micros))
    }
}
