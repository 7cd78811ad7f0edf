/// One SIP header field, with its name in canonical form (lower case, compact forms expanded).
public struct SIPHeader: Sendable, Hashable {
    /// The lower-case long name, for example `"call-id"` for both `Call-ID:` and `i:`.
    public var name: String
    /// The value with surrounding white space removed and folded continuation lines joined by one space.
    public var value: String

    /// A header named `name` (canonicalised) with `value`.
    public init(name: String, value: String) {
        self.name = SIPHeader.canonicalName(name)
        self.value = value
    }

    /// The lower-case long form of a header name; compact forms (RFC 3261 section 7.3.3 and later RFCs) expanded.
    public static func canonicalName(_ name: String) -> String {
        let lower = name.lowercased()
        guard lower.utf8.count == 1 else {
            return lower
        }
        return compactForms[lower] ?? lower
    }

    /// Compact header forms registered with IANA.
    static let compactForms: [String: String] = [
        "a": "accept-contact", "b": "referred-by", "c": "content-type", "d": "request-disposition",
        "e": "content-encoding", "f": "from", "i": "call-id", "j": "reject-contact", "k": "supported",
        "l": "content-length", "m": "contact", "n": "identity-info", "o": "event", "r": "refer-to", "s": "subject",
        "t": "to", "u": "allow-events", "v": "via", "x": "session-expires", "y": "identity",
    ]
}
