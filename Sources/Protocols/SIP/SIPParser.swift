/// Parses one whole SIP message (RFC 3261 section 7): a UDP payload, or one message framed by
/// ``SIPStreamSplitter``.
public enum SIPParser {
    /// The longest header line accepted, in bytes (after unfolding).
    public static let maximumLineLength = 8192
    /// The longest Call-ID accepted, in bytes.
    public static let maximumCallIDLength = 256

    /// Line breaks before the start line are skipped (RFC 3261 section 7.5); lines may end in CRLF or bare LF; a
    /// line starting with a space or tab continues the previous header (section 7.3.1). With Content-Length the
    /// body is exactly that many bytes (bytes after it are ignored; fewer is ``SIPError/truncatedBody``); without
    /// it the body is the rest of `bytes`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(SIPError) -> SIPMessage {
        var start = 0
        while start < bytes.count, bytes[start] == SIPLines.cr || bytes[start] == SIPLines.lf {
            start += 1
        }
        guard start < bytes.count else {
            throw .empty
        }
        guard let (headerEnd, bodyStart) = SIPLines.headerBoundary(bytes, from: start, to: bytes.count) else {
            throw .truncatedHeaders
        }
        let lines = try unfold(SIPLines.lines(bytes, from: start, to: headerEnd))
        guard let first = lines.first else {
            throw .badStartLine
        }
        let startLine = try SIPStartLine.parse(String(first))
        var headers: [SIPHeader] = []
        headers.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            headers.append(try header(line))
        }
        var message = SIPMessage(startLine: startLine, headers: headers, body: [])
        if let callID = message.callID, callID.isEmpty || callID.utf8.count > maximumCallIDLength {
            throw .badCallID
        }
        var bodyEnd = bytes.count
        if let length = try contentLength(of: message) {
            guard length <= bytes.count - bodyStart else {
                throw .truncatedBody
            }
            bodyEnd = bodyStart + length
        }
        message.body = Array(UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<bodyEnd]))
        return message
    }

    /// The Content-Length of `message`: nil when absent, an error when not a non-negative decimal number.
    static func contentLength(of message: SIPMessage) throws(SIPError) -> Int? {
        guard let value = message.value(of: "content-length") else {
            return nil
        }
        guard let length = SIPText.decimal(SIPText.trim(Substring(value))), length <= Int(Int32.max) else {
            throw .badContentLength
        }
        return length
    }

    /// Joins continuation lines (leading space or tab) to the line before them with one space.
    private static func unfold(_ lines: [Substring]) throws(SIPError) -> [Substring] {
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if let first = line.first, first == " " || first == "\t" {
                guard let previous = result.popLast() else {
                    throw .badStartLine
                }
                result.append(Substring(String(SIPText.trim(previous)) + " " + SIPText.trim(line)))
            } else {
                result.append(line)
            }
            if let last = result.last, last.utf8.count > maximumLineLength {
                throw .lineTooLong
            }
        }
        return result
    }

    /// One `Name: value` header line.
    private static func header(_ line: Substring) throws(SIPError) -> SIPHeader {
        guard let colon = line.firstIndex(of: ":") else {
            throw .badHeader
        }
        let name = SIPText.trim(line[..<colon])
        guard SIPText.isToken(name) else {
            throw .badHeader
        }
        return SIPHeader(name: String(name), value: String(SIPText.trim(line[line.index(after: colon)...])))
    }
}
