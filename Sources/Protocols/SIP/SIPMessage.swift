/// One SIP request or response: start line, header fields in order, and the body (exactly Content-Length bytes).
public struct SIPMessage: Sendable, Hashable {
    /// The request line or status line.
    public var startLine: SIPStartLine
    /// The header fields in the order received, names canonicalised (see ``SIPHeader``).
    public var headers: [SIPHeader]
    /// The message body.
    public var body: [UInt8]

    /// A message from its parts.
    public init(startLine: SIPStartLine, headers: [SIPHeader], body: [UInt8]) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
    }

    /// The method of a request (`"INVITE"`); nil for a response (see ``cseq`` for the method it answers).
    public var method: String? {
        guard case .request(let method, _) = startLine else {
            return nil
        }
        return method
    }

    /// The status code of a response; nil for a request.
    public var statusCode: Int? {
        guard case .response(let code, _) = startLine else {
            return nil
        }
        return code
    }

    /// The reason phrase of a response; nil for a request.
    public var reasonPhrase: String? {
        guard case .response(_, let reason) = startLine else {
            return nil
        }
        return reason
    }

    /// The Request-URI of a request as sent; nil for a response.
    public var requestURIText: String? {
        guard case .request(_, let uri) = startLine else {
            return nil
        }
        return uri
    }

    /// The Request-URI of a request when it is a sip, sips or tel URI.
    public var requestURI: SIPURI? {
        requestURIText.flatMap { SIPURI($0) }
    }

    /// The value of the first header named `name` (case-insensitive; compact forms accepted).
    public func value(of name: String) -> String? {
        let canonical = SIPHeader.canonicalName(name)
        return headers.first { $0.name == canonical }?.value
    }

    /// The values of every header named `name`, in order (a comma-separated list stays one value).
    public func values(of name: String) -> [String] {
        let canonical = SIPHeader.canonicalName(name)
        return headers.filter { $0.name == canonical }.map(\.value)
    }
}
