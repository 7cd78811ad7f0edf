/// DER UTCTime (`YYMMDDhhmmssZ`: UTC, whole seconds, two-digit year), as HI2Operations `TimeStamp` carries it:
///
/// ```asn1
/// TimeStamp ::= CHOICE { localTime [0] LocalTimeStamp, utcTime [1] UTCTime }
/// ```
extension Timestamp {
    /// 2049-12-31T23:59:59Z, the last second a UTCTime's two-digit year stands for (years 1950 to 2049).
    static let maximumUTCSeconds: Int64 = 2_524_607_999

    /// The content length of a DER UTCTime.
    static let utcTimeLength = 13

    /// Appends the UTCTime content octets (clamped to 1970 to 2049; microseconds are dropped).
    func appendUTCTime(to out: inout [UInt8]) {
        let clamped = min(max(seconds, 0), Self.maximumUTCSeconds)
        let secondOfDay = clamped % 86_400
        let date = CivilDate(daysSinceEpoch: clamped / 86_400)
        Self.appendDigits(date.year % 100, count: 2, to: &out)
        Self.appendDigits(date.month, count: 2, to: &out)
        Self.appendDigits(date.day, count: 2, to: &out)
        Self.appendDigits(secondOfDay / 3600, count: 2, to: &out)
        Self.appendDigits(secondOfDay / 60 % 60, count: 2, to: &out)
        Self.appendDigits(secondOfDay % 60, count: 2, to: &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// The size of a HI2Operations `TimeStamp` CHOICE holding `utcTime [1]` (`81 0d` and 13 octets).
    static let timeStampElementLength = 15

    /// Appends the HI2Operations `TimeStamp` CHOICE as `utcTime [1] UTCTime` (15 octets; microseconds dropped).
    func appendTimeStamp(to out: inout [UInt8]) {
        out.append(0x81)
        out.append(UInt8(truncatingIfNeeded: Self.utcTimeLength))
        appendUTCTime(to: &out)
    }
}
