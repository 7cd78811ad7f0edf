/// Why bytes are not a usable SIP message, or why a SIP byte stream cannot be framed.
public enum SIPError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Nothing but line breaks (a keep-alive) or no bytes at all.
    case empty
    /// The header section does not end with an empty line.
    case truncatedHeaders
    /// One header line is longer than ``SIPParser/maximumLineLength``.
    case lineTooLong
    /// The first line is neither `METHOD URI SIP/2.0` nor `SIP/2.0 CODE REASON`.
    case badStartLine
    /// A header line has no colon or an empty or invalid name.
    case badHeader
    /// The Call-ID is empty or longer than ``SIPParser/maximumCallIDLength``.
    case badCallID
    /// Content-Length is not a non-negative decimal number.
    case badContentLength
    /// The body is shorter than Content-Length says.
    case truncatedBody
    /// A message on a stream transport has no Content-Length.
    case missingContentLength
    /// A message on a stream transport is larger than the splitter's limit.
    case messageTooLarge

    /// A short, stable snake_case word for summaries and metric labels.
    public var description: String {
        switch self {
        case .empty:
            return "empty"
        case .truncatedHeaders:
            return "truncated_headers"
        case .lineTooLong:
            return "line_too_long"
        case .badStartLine:
            return "bad_start_line"
        case .badHeader:
            return "bad_header"
        case .badCallID:
            return "bad_call_id"
        case .badContentLength:
            return "bad_content_length"
        case .truncatedBody:
            return "truncated_body"
        case .missingContentLength:
            return "missing_content_length"
        case .messageTooLarge:
            return "message_too_large"
        }
    }
}
