import Foundation

/// What the VoIP tests read from a decoded IPMMIRI or IPMMCC: the SIP message's first line and headers, and the
/// RTP/RTCP packet inside a CC whatever its frame type.
extension DecodedRecord {
    /// The first line of the IRI's SIP message.
    public var sipFirstLine: String? {
        sipContent.map(Self.sipFirstLine(of:))
    }

    /// `INVITE` for a request, `200 (BYE)` for a response (see `sipSummary(of:)`).
    public var sipSummary: String? {
        sipContent.map(Self.sipSummary(of:))
    }

    /// The value of the first header `name` (or its compact form `compact`) of the IRI's SIP message.
    public func sipHeader(_ name: String, compact: String? = nil) -> String? {
        sipContent.flatMap { Self.sipHeader(name, compact: compact, in: $0) }
    }

    /// The first line of a SIP message.
    public static func sipFirstLine(of message: [UInt8]) -> String {
        let end = message.firstIndex(of: 0x0D) ?? message.firstIndex(of: 0x0A) ?? message.endIndex
        return String(decoding: message[..<end], as: UTF8.self)
    }

    /// `INVITE` for a request, `200 (BYE)` for a response (status and the CSeq method), as the captures' JSON
    /// writes them.
    public static func sipSummary(of message: [UInt8]) -> String {
        let line = sipFirstLine(of: message)
        let words = line.split(separator: " ")
        guard line.hasPrefix("SIP/"), words.count > 1 else { return words.first.map(String.init) ?? "" }
        let method = sipHeader("CSeq", in: message)?.split(separator: " ").last.map(String.init) ?? "?"
        return "\(words[1]) (\(method))"
    }

    /// The value of the first header `name` (or its compact form `compact`) of a SIP message.
    public static func sipHeader(_ name: String, compact: String? = nil, in message: [UInt8]) -> String? {
        let text = String(decoding: message, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? text
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if field == name.lowercased() || field == compact?.lowercased() {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The UDP payload (RTP or RTCP) inside the CC: `mMCCContents` without its IP and UDP headers for `ipFrame`,
    /// without the UDP header for `udpFrame`, as it is otherwise.
    public var mediaPayload: [UInt8]? {
        guard let contents = mediaContents else { return nil }
        switch frameType {
        case "ipFrame":
            guard let first = contents.first else { return nil }
            let ipHeader = first >> 4 == 6 ? 40 : Int(first & 0x0F) * 4
            return contents.count >= ipHeader + 8 ? Array(contents[(ipHeader + 8)...]) : nil
        case "udpFrame":
            return contents.count >= 8 ? Array(contents[8...]) : nil
        default:
            return contents
        }
    }

    /// Source and destination of an IPv4 `ipFrame` CC, from its own IP and UDP headers.
    public var mediaEndpoints: (from: SIPEndpoint, to: SIPEndpoint)? {
        guard frameType == "ipFrame", let contents = mediaContents, let first = contents.first, first >> 4 == 4
        else { return nil }
        let ipHeader = Int(first & 0x0F) * 4
        guard contents.count >= ipHeader + 8 else { return nil }
        let port = { (offset: Int) in UInt16(contents[offset]) << 8 | UInt16(contents[offset + 1]) }
        return (
            SIPEndpoint(Array(contents[12..<16]), port(ipHeader)),
            SIPEndpoint(Array(contents[16..<20]), port(ipHeader + 2))
        )
    }
}
