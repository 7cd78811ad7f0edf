/// The DER forms of primitive contents.
extension DERValidator {
    /// INTEGER and ENUMERATED: at least one octet, no redundant leading `00` or `FF`.
    static func checkInteger(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard let first = content.first else {
            throw .nonMinimalInteger
        }
        if content.count > 1 {
            let second = content[1]
            if (first == 0x00 && second < 0x80) || (first == 0xFF && second >= 0x80) {
                throw .nonMinimalInteger
            }
        }
    }

    /// An ENUMERATED value (already known to be minimal) must be one of `values`.
    static func checkEnumerated(_ content: UnsafeRawBufferPointer, _ values: ClosedRange<UInt64>) throws(DERError) {
        guard let first = content.first, first < 0x80, content.count <= 9 else {
            throw .unknownEnumerated(UInt64.max)
        }
        var value: UInt64 = 0
        for byte in content {
            value = value << 8 | UInt64(byte)
        }
        guard values.contains(value) else {
            throw .unknownEnumerated(value)
        }
    }

    /// BOOLEAN: exactly one octet, `00` (false) or `FF` (true).
    static func checkBoolean(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard content.count == 1, content[0] == 0x00 || content[0] == 0xFF else {
            throw .invalidBoolean
        }
    }

    /// PrintableString and IA5String: ASCII octets.
    static func checkASCII(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard content.allSatisfy({ $0 < 0x80 }) else {
            throw .invalidString
        }
    }

    /// UTF8String: well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func checkUTF8(_ content: UnsafeRawBufferPointer) throws(DERError) {
        var iterator = content.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw .invalidString
            }
        }
    }

    /// OBJECT IDENTIFIER: non-empty, no sub-identifier starting with `80`, the last octet ends a sub-identifier.
    static func checkObjectIdentifier(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard let last = content.last, last & 0x80 == 0 else {
            throw .invalidObjectIdentifier
        }
        var atStart = true
        for byte in content {
            guard !(atStart && byte == 0x80) else {
                throw .invalidObjectIdentifier
            }
            atStart = byte & 0x80 == 0
        }
    }

    /// GeneralizedTime: `YYYYMMDDhhmmss` then optionally `.` and 1 to 6 digits not ending in 0, then `Z`; a real
    /// date and time.
    static func checkGeneralizedTime(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard content.count == 15 || (17...22).contains(content.count) else {
            throw .invalidTime
        }
        if content.count > 15 {
            guard content[14] == UInt8(ascii: "."), content[content.count - 2] != UInt8(ascii: "0") else {
                throw .invalidTime
            }
            for index in 15..<(content.count - 1) {
                try digit(content[index])
            }
        }
        try checkDateTime(content, yearDigits: 4)
    }

    /// UTCTime: exactly `YYMMDDhhmmssZ`, a real date and time.
    static func checkUTCTime(_ content: UnsafeRawBufferPointer) throws(DERError) {
        guard content.count == Timestamp.utcTimeLength else {
            throw .invalidTime
        }
        try checkDateTime(content, yearDigits: 2)
    }

    /// The date and time digits at the start (`yearDigits` of year, then MMDDhhmmss) and the final `Z`. Four-digit
    /// years before 1000 are refused: the decoder prints them with fewer digits, so they never re-encode the same.
    private static func checkDateTime(_ content: UnsafeRawBufferPointer, yearDigits: Int) throws(DERError) {
        guard content[content.count - 1] == UInt8(ascii: "Z") else {
            throw .invalidTime
        }
        func number(_ start: Int, _ count: Int) throws(DERError) -> Int64 {
            var value: Int64 = 0
            for index in start..<(start + count) {
                value = value * 10 + Int64(try digit(content[index]))
            }
            return value
        }
        let year = try number(0, yearDigits)
        let month = try number(yearDigits, 2)
        let day = try number(yearDigits + 2, 2)
        let hour = try number(yearDigits + 4, 2)
        let minute = try number(yearDigits + 6, 2)
        let second = try number(yearDigits + 8, 2)
        guard yearDigits == 2 || year >= 1000, (1...12).contains(month), (1...31).contains(day), hour < 24,
            minute < 60, second < 60
        else {
            throw .invalidTime
        }
        let date = CivilDate(year: year, month: month, day: day)
        guard CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date else {
            throw .invalidTime
        }
    }

    /// The value of an ASCII digit.
    @discardableResult
    private static func digit(_ byte: UInt8) throws(DERError) -> UInt8 {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
            throw .invalidTime
        }
        return byte - UInt8(ascii: "0")
    }
}
