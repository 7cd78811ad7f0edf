import Packets
import Protocols
import TestSupport

/// Builds SIP and SDP texts and pulls SIP payloads and UDP flows out of the test captures.
enum SIPTestSupport {
    /// One UDP datagram of a capture.
    struct Datagram {
        var frame: Int
        var packet: DecodedPacket
        var payload: [UInt8]
    }

    /// `lines` joined with CRLF, as bytes.
    static func text(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\r\n").utf8)
    }

    /// A SIP message from header lines and a body; Content-Length is added unless `contentLength` is nil.
    static func message(_ headLines: [String], body: String = "", contentLength: Int? = -1) -> [UInt8] {
        let bodyBytes = Array(body.utf8)
        var lines = headLines
        if let contentLength {
            lines.append("Content-Length: \(contentLength == -1 ? bodyBytes.count : contentLength)")
        }
        return text(lines + ["", ""]) + bodyBytes
    }

    static func parse(_ bytes: [UInt8]) -> Result<SIPMessage, SIPError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(SIPError) -> SIPMessage in
                try SIPParser.parse(buffer)
            }
        }
    }

    static func parseSDP(_ bytes: [UInt8]) -> Result<SDPSession, SDPError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(SDPError) -> SDPSession in
                try SDPParser.parse(buffer)
            }
        }
    }

    static func append(_ bytes: [UInt8], to splitter: inout SIPStreamSplitter) -> Result<[[UInt8]], SIPError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(SIPError) -> [[UInt8]] in
                try splitter.append(buffer)
            }
        }
    }

    /// Every UDP datagram of capture `name` (decodable frames only), with its 1-based frame number.
    static func datagrams(_ name: String) throws -> [Datagram] {
        var datagrams: [Datagram] = []
        for (index, frame) in try PcapCaptures.frames(name).enumerated() {
            guard let linkType = LinkType(dlt: frame.linkType) else {
                continue
            }
            let decoded = frame.bytes.withUnsafeBytes { buffer in
                Result { () throws(PacketError) -> DecodedPacket in
                    try PacketDecoder.decode(buffer, linkType: linkType)
                }
            }
            guard case .success(let packet) = decoded, packet.transportProtocol == 17 else {
                continue
            }
            let payload = Array(frame.bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)])
            datagrams.append(Datagram(frame: index + 1, packet: packet, payload: payload))
        }
        return datagrams
    }

    /// The UDP payloads to or from port 5060 in capture `name`, keyed by 1-based frame number.
    static func sipPayloads(_ name: String) throws -> [(Int, [UInt8])] {
        try datagrams(name)
            .filter { $0.packet.sourcePort == 5060 || $0.packet.destinationPort == 5060 }
            .map { ($0.frame, $0.payload) }
    }

    /// An INVITE with an SDP offer, used by the edge-case tests.
    static let invite = message(
        [
            "INVITE sip:bob@example.net SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1",
            "From: \"Alice\" <sip:alice@example.net>;tag=a1",
            "To: <sip:bob@example.net>",
            "Call-ID: call-1@192.0.2.1",
            "CSeq: 7 INVITE",
            "Contact: <sip:alice@192.0.2.1:5060>",
            "Content-Type: application/sdp",
        ],
        body: sdpOffer
    )

    /// A plain IPv4 audio offer.
    static let sdpOffer = [
        "v=0",
        "o=alice 100 1 IN IP4 192.0.2.1",
        "s=-",
        "c=IN IP4 192.0.2.1",
        "t=0 0",
        "m=audio 40000 RTP/AVP 0 8 101",
        "a=rtpmap:0 PCMU/8000",
        "",
    ].joined(separator: "\r\n")
}
