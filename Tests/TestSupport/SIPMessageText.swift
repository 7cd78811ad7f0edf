/// One SIP message as RFC 3261 text: a start line, header fields in order, and a body. `bytes` adds the
/// Content-Length header (the body's length unless `contentLength` overrides it) and the CRLFs.
public struct SIPMessageText: Sendable, Equatable {
    /// One header field.
    public struct Field: Sendable, Equatable {
        /// The name as written (`Via`, `i`, ...).
        public var name: String
        /// The value as written.
        public var value: String

        /// A header field.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `INVITE sip:bob@example.net SIP/2.0` or `SIP/2.0 200 OK`.
    public var startLine: String
    /// The header fields in order, without Content-Length.
    public var fields: [Field]
    /// The body.
    public var body: [UInt8]
    /// The Content-Length to write instead of the body's length (for malformed messages).
    public var contentLength: String?

    /// A message from its parts.
    public init(startLine: String, fields: [Field], body: [UInt8] = [], contentLength: String? = nil) {
        self.startLine = startLine
        self.fields = fields
        self.body = body
        self.contentLength = contentLength
    }

    /// The message on the wire.
    public var bytes: [UInt8] {
        var lines = [startLine] + fields.map { "\($0.name): \($0.value)" }
        lines.append("Content-Length: \(contentLength ?? String(body.count))")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    /// The request's method, or nil for a response.
    public var method: String? {
        startLine.hasPrefix("SIP/") ? nil : startLine.split(separator: " ").first.map(String.init)
    }

    /// The message with `field` added after the existing fields.
    public func adding(_ field: Field) -> SIPMessageText {
        var copy = self
        copy.fields.append(field)
        return copy
    }

    /// The message with a body and its Content-Type.
    public func with(body: [UInt8], contentType: String) -> SIPMessageText {
        var copy = self
        copy.fields.removeAll { $0.name.lowercased() == "content-type" }
        copy.fields.append(Field("Content-Type", contentType))
        copy.body = body
        return copy
    }

    /// A response to this request: Via, From, Call-ID and CSeq copied, To copied with `toTag` added (unless nil or
    /// already tagged), then `extra` fields.
    public func response(_ code: Int, toTag: String? = nil, extra: [Field] = []) -> SIPMessageText {
        var copied: [Field] = []
        for field in fields {
            switch field.name.lowercased() {
            case "via", "from", "call-id", "cseq":
                copied.append(field)
            case "to":
                if let toTag, !field.value.contains(";tag=") {
                    copied.append(Field(field.name, field.value + ";tag=" + toTag))
                } else {
                    copied.append(field)
                }
            default:
                continue
            }
        }
        return SIPMessageText(startLine: "SIP/2.0 \(code) \(Self.reason(code))", fields: copied + extra)
    }

    /// The usual reason phrase of a status code.
    public static func reason(_ code: Int) -> String {
        switch code {
        case 100: "Trying"
        case 180: "Ringing"
        case 183: "Session Progress"
        case 200: "OK"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 486: "Busy Here"
        case 487: "Request Terminated"
        default: "Status"
        }
    }
}
