import Crypto
import Packets
import Protocols
import TestSupport

/// Pulls the TCP conversations of the mail captures apart and feeds them to the mail parsers.
enum MailTestSupport {
    /// One TCP segment with payload, to or from the server.
    struct Segment {
        var frame: Int
        var clientPort: UInt16
        var fromClient: Bool
        var payload: [UInt8]
    }

    /// The addresses a test calls targets (compared in lower case).
    final class Targets: MailTargetLookup {
        let addresses: Set<String>

        init(_ addresses: [String]) {
            self.addresses = Set(addresses.map { $0.lowercased() })
        }

        func isTarget(_ address: String) -> Bool {
            addresses.contains(address.lowercased())
        }
    }

    /// The TCP segments with payload to or from `serverPort` in capture `name`, in capture order (the captures were
    /// made on the loopback interface: nothing is lost or reordered, retransmissions are dropped here).
    static func segments(_ name: String, serverPort: UInt16) throws -> [Segment] {
        var segments: [Segment] = []
        var seen = Set<[UInt8]>()
        for (index, frame) in try PcapCaptures.frames(name).enumerated() {
            guard let linkType = LinkType(dlt: frame.linkType) else { continue }
            let decoded = frame.bytes.withUnsafeBytes { buffer in
                Result { () throws(PacketError) -> DecodedPacket in try PacketDecoder.decode(buffer, linkType: linkType)
                }
            }
            guard case .success(let packet) = decoded, packet.transportProtocol == 6, packet.payloadLength > 0 else {
                continue
            }
            let fromClient = packet.destinationPort == serverPort
            guard fromClient || packet.sourcePort == serverPort else { continue }
            let sequenceKey = Array(frame.bytes[(packet.transportOffset)..<(packet.transportOffset + 8)])
            guard seen.insert(sequenceKey).inserted else { continue }
            let payload = Array(frame.bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)])
            segments.append(
                Segment(
                    frame: index + 1,
                    clientPort: fromClient ? packet.sourcePort : packet.destinationPort,
                    fromClient: fromClient,
                    payload: payload
                )
            )
        }
        return segments
    }

    /// Feeds the segments of one connection to `parser` and returns every event.
    static func events(of segments: [Segment], clientPort: UInt16, parser: inout some MailSessionParser) -> [MailEvent]
    {
        var events: [MailEvent] = []
        for segment in segments where segment.clientPort == clientPort {
            segment.payload.withUnsafeBytes { bytes in
                if segment.fromClient {
                    parser.takeClient(bytes, into: &events)
                } else {
                    parser.takeServer(bytes, into: &events)
                }
            }
        }
        return events
    }

    /// Feeds one direction's text to a parser.
    static func feed(_ text: String, fromClient: Bool, to parser: inout some MailSessionParser) -> [MailEvent] {
        var events: [MailEvent] = []
        Array(text.utf8).withUnsafeBytes { bytes in
            if fromClient {
                parser.takeClient(bytes, into: &events)
            } else {
                parser.takeServer(bytes, into: &events)
            }
        }
        return events
    }

    /// Hex SHA-256 of bytes.
    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map {
            String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
        }
        .joined()
    }

    /// The content of every kept piece and message, one array per message (pieces of one message joined).
    static func contents(_ events: [MailEvent]) -> [[UInt8]] {
        var contents: [[UInt8]] = []
        for event in events {
            switch event {
            case .messagePiece(let message) where !message.content.isEmpty: contents.append(message.content)
            case .message(let message) where !message.content.isEmpty: contents.append(message.content)
            default: continue
            }
        }
        return contents
    }

    /// The completed messages.
    static func messages(_ events: [MailEvent]) -> [MailMessage] {
        events.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    /// The log-ons.
    static func logons(_ events: [MailEvent]) -> [(String, Bool)] {
        events.compactMap { if case .logon(let user, let succeeded) = $0 { (user, succeeded) } else { nil } }
    }

    /// The errors.
    static func errors(_ events: [MailEvent]) -> [MailParseError] {
        events.compactMap { if case .error(let cause) = $0 { cause } else { nil } }
    }
}

extension MailTestSupport {
    /// Whether any event carries `text` (a password must never be kept).
    static func mentions(_ events: [MailEvent], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return events.contains { event in
            let haystack: [UInt8]
            switch event {
            case .logon(let user, _): haystack = Array(user.utf8)
            case .messagePiece(let message), .message(let message):
                haystack = message.content + Array((message.user ?? "").utf8)
            default: return false
            }
            guard haystack.count >= needle.count else { return false }
            return (0...(haystack.count - needle.count)).contains {
                Array(haystack[$0..<($0 + needle.count)]) == needle
            }
        }
    }
}
