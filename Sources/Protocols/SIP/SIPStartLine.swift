/// The first line of a SIP message: a request line or a status line.
public enum SIPStartLine: Sendable, Hashable {
    /// `METHOD Request-URI SIP/2.0`; the method as sent (methods are case-sensitive), the URI as text.
    case request(method: String, uri: String)
    /// `SIP/2.0 Status-Code Reason-Phrase`; the code is 100...699.
    case response(statusCode: Int, reason: String)

    /// Parses one start line (without its line break).
    static func parse(_ line: String) throws(SIPError) -> SIPStartLine {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else {
            throw .badStartLine
        }
        if parts[0].uppercased() == "SIP/2.0" {
            let code = parts[1]
            guard code.utf8.count == 3, let value = SIPText.decimal(code), (100...699).contains(value) else {
                throw .badStartLine
            }
            return .response(statusCode: value, reason: parts.count == 3 ? String(parts[2]) : "")
        }
        guard parts.count == 3, parts[2].uppercased() == "SIP/2.0", SIPText.isToken(parts[0]), !parts[1].isEmpty
        else {
            throw .badStartLine
        }
        return .request(method: String(parts[0]), uri: String(parts[1]))
    }
}
