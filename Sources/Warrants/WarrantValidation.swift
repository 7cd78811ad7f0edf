/// Pure validation of every field the store keeps, used before any write and by the command line.
///
/// Each check returns the value in its stored form (country codes in upper case, addresses canonical) or throws an
/// ``StoreError`` with code `.invalid` whose message names the field, as the command line names it, and the value.
public enum WarrantValidation {
    /// Agency names: 1-64 characters from `A-Z a-z 0-9 . _ -`.
    public static func agencyName(_ text: String, field: String = "name") throws(StoreError) -> String {
        let allowed = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
        guard allowed, (1...64).contains(text.utf8.count) else {
            throw .invalid(field, text, "is not an agency name (1-64 characters from A-Z a-z 0-9 . _ -)")
        }
        return text
    }

    /// LIIDs: 1-25 printable ASCII characters (`!` to `~`), no spaces.
    public static func liid(_ text: String, field: String = "LIID") throws(StoreError) -> String {
        guard (1...25).contains(text.utf8.count), text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .invalid(field, text, "is not a LIID (1-25 printable ASCII characters, no spaces)")
        }
        return text
    }

    /// Country codes: 2 letters; lower case is accepted and returned in upper case.
    public static func countryCode(_ text: String, field: String) throws(StoreError) -> String {
        guard text.utf8.count == 2, text.utf8.allSatisfy({ $0 < 0x80 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        else {
            throw .invalid(field, text, "is not a 2-letter country code")
        }
        return text.uppercased()
    }

    /// `HOST:PORT` with a port in 1-65535, the host a DNS name or an address, IPv6 as `[address]:port`.
    public static func endpoint(_ text: String, field: String) throws(StoreError) -> Endpoint {
        guard let endpoint = Endpoint(parsing: text) else {
            throw .invalid(field, text, "is not HOST:PORT (port 1-65535, IPv6 as [address]:port)")
        }
        return endpoint
    }

    /// A whole number of seconds in `range`, from decimal text.
    public static func seconds(_ text: String, field: String, range: ClosedRange<Int>) throws(StoreError) -> Int {
        guard let value = decimal(text), range.contains(value) else {
            throw .invalid(field, text, "is not a number of seconds in \(range.lowerBound)-\(range.upperBound)")
        }
        return value
    }

    /// The keep-alive interval's range in seconds.
    public static let keepaliveRange = 1...86_400
    /// The keep-alive response timeout's range in seconds.
    public static let keepaliveWaitRange = 1...3600

    /// Checks the keep-alive settings: interval 1-86400, wait 1-3600 and less than the interval.
    public static func keepalive(seconds: Int, waitSeconds: Int) throws(StoreError) {
        guard keepaliveRange.contains(seconds) else {
            throw .invalid("keepalive_seconds", String(seconds), "is not a number of seconds in 1-86400")
        }
        guard keepaliveWaitRange.contains(waitSeconds) else {
            throw .invalid("keepalive_wait_seconds", String(waitSeconds), "is not a number of seconds in 1-3600")
        }
        guard waitSeconds < seconds else {
            throw StoreError(
                .invalid,
                field: "keepalive_wait_seconds",
                parts: [
                    .field("keepalive_wait_seconds"),
                    .text(" \(StoreError.quoted(String(waitSeconds))) must be less than "),
                    .field("keepalive_seconds"), .text(" (\(seconds))"),
                ]
            )
        }
    }

    /// The largest session id (CIN): 2^31-1.
    public static let maximumSessionID: UInt32 = 0x7FFF_FFFF

    /// A session id (CIN) in 1 to 2^31-1, from decimal text.
    public static func sessionID(_ text: String, field: String = "session_id") throws(StoreError) -> UInt32 {
        guard let value = decimal(text), value >= 1, value <= Int(maximumSessionID) else {
            throw .invalid(field, text, "is not a session id in 1-\(maximumSessionID)")
        }
        return UInt32(value)
    }

    /// RADIUS user names: 1-253 bytes of UTF-8 without control characters or Unicode format controls
    /// (``requireNoFormatControls(_:field:)``).
    public static func username(_ text: String, field: String = "username") throws(StoreError) -> String {
        try requireNoFormatControls(text, field: field)
        let clean = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
        guard clean, (1...253).contains(text.utf8.count) else {
            throw .invalid(field, text, "is not a user name (1-253 bytes, no control characters)")
        }
        return text
    }

    /// An ISO 8601 date-time with a UTC offset (`2026-01-01T00:00:00Z`, `2026-01-01T02:00:00.5+02:00`), as
    /// microseconds since the epoch. A date alone is refused.
    public static func time(_ text: String, field: String) throws(StoreError) -> Int64 {
        guard let micros = ISO8601Time.micros(parsing: text) else {
            throw .invalid(field, text, "is not an ISO 8601 date-time with a UTC offset (like 2026-01-01T00:00:00Z)")
        }
        return micros
    }

    /// Checks that the end, when both are given, is after the start; errors name them `startField` and `endField`.
    public static func window(
        startMicros: Int64?,
        endMicros: Int64?,
        startField: String = "start",
        endField: String = "end"
    ) throws(StoreError) {
        if let startMicros, let endMicros, endMicros <= startMicros {
            let end = StoreError.quoted(ISO8601Time.format(micros: endMicros))
            let start = StoreError.quoted(ISO8601Time.format(micros: startMicros))
            throw StoreError(
                .invalid,
                field: endField,
                parts: [.field(endField), .text(" \(end) is not after "), .field(startField), .text(" \(start)")]
            )
        }
    }

    /// `iri`, `cc` or `both`.
    public static func delivery(_ text: String, field: String = "delivery") throws(StoreError) -> Delivery {
        guard let delivery = Delivery(rawValue: text) else {
            throw .invalid(field, text, "is not one of iri, cc, both")
        }
        return delivery
    }

    /// A server kind: `radius`, `sip`, `gtp`, `smtp`, `imap`, `pop3`, `jmirror`, `alu-mirror` or `cisco-mirror`.
    public static func serverKind(_ text: String, field: String = "kind") throws(StoreError) -> ServerKind {
        guard let kind = ServerKind(rawValue: text) else {
            let kinds = ServerKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(field, text, "is not a server kind (\(kinds))")
        }
        return kind
    }

    /// Decimal digits without sign, at most 10 of them; nil otherwise.
    static func decimal(_ text: String) -> Int? {
        guard (1...10).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}
