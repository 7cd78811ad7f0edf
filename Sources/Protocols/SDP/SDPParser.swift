import Packets

/// Parses a session description (RFC 8866; RFC 3605 for `a=rtcp`), for example the body of a SIP INVITE.
public enum SDPParser {
    /// Lines may end in CRLF or bare LF; empty lines are ignored. `v=0` must come first and `o=` must be present;
    /// every `c=` and `m=` line must be well formed; an open stream needs a connection address at media or session
    /// level. Unknown line types and attributes are skipped.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(SDPError) -> SDPSession {
        let lines = SIPLines.lines(bytes, from: 0, to: bytes.count).filter { !$0.isEmpty }
        guard let first = lines.first, SIPText.trim(first) == "v=0" else {
            throw .missingVersion
        }
        var origin: SDPOrigin?
        var sessionAddress: IPAddress?
        var sessionDirection: SDPDirection?
        var streams: [SDPMediaStream] = []
        var streamDirections: [SDPDirection?] = []
        for line in lines.dropFirst() {
            let utf8 = line.utf8
            guard utf8.count >= 2, let type = utf8.first, type >= UInt8(ascii: "a"), type <= UInt8(ascii: "z"),
                utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: "=")
            else {
                throw .badLine
            }
            let value = line.dropFirst(2)
            switch type {
            case UInt8(ascii: "o"):
                origin = try parseOrigin(value)
            case UInt8(ascii: "c"):
                let address = try parseConnection(value)
                if streams.isEmpty {
                    sessionAddress = address
                } else {
                    streams[streams.count - 1].connectionAddress = address
                }
            case UInt8(ascii: "m"):
                streams.append(try parseMedia(value))
                streamDirections.append(nil)
            case UInt8(ascii: "a"):
                if let direction = SDPDirection(rawValue: String(SIPText.trim(value))) {
                    if streams.isEmpty {
                        sessionDirection = direction
                    } else {
                        streamDirections[streams.count - 1] = direction
                    }
                } else if value.hasPrefix("rtcp:"), !streams.isEmpty {
                    let (port, address) = try parseRTCP(value.dropFirst(5))
                    streams[streams.count - 1].rtcpPort = port
                    streams[streams.count - 1].rtcpAddress = address
                }
            default:
                continue
            }
        }
        guard let origin else {
            throw .missingOrigin
        }
        for index in streams.indices {
            streams[index].connectionAddress = streams[index].connectionAddress ?? sessionAddress
            streams[index].direction = streamDirections[index] ?? sessionDirection ?? .sendrecv
            if !streams[index].isClosed && streams[index].connectionAddress == nil {
                throw .missingConnection
            }
        }
        return SDPSession(
            origin: origin,
            connectionAddress: sessionAddress,
            direction: sessionDirection,
            media: streams
        )
    }

    /// `username sess-id sess-version IN IP4|IP6 address`.
    private static func parseOrigin(_ value: Substring) throws(SDPError) -> SDPOrigin {
        let fields = value.split(separator: " ")
        guard fields.count == 6, fields[3] == "IN", let version = UInt64(fields[2]) else {
            throw .badOrigin
        }
        return SDPOrigin(
            username: String(fields[0]),
            sessionID: String(fields[1]),
            version: version,
            addressType: String(fields[4]),
            address: String(fields[5])
        )
    }

    /// `IN IP4|IP6 address[/ttl[/count]]`.
    private static func parseConnection(_ value: Substring) throws(SDPError) -> IPAddress {
        let fields = value.split(separator: " ")
        guard fields.count == 3, fields[0] == "IN" else {
            throw .badConnection
        }
        return try address(fields[1], fields[2].prefix { $0 != "/" })
    }

    /// An address of type `IP4` or `IP6` that parses and belongs to that family.
    private static func address(_ type: Substring, _ text: Substring) throws(SDPError) -> IPAddress {
        guard let address = IPAddress(String(text)),
            (type == "IP4" && address.isIPv4) || (type == "IP6" && !address.isIPv4)
        else {
            throw .badConnection
        }
        return address
    }

    /// `media port[/count] proto fmt ...`.
    private static func parseMedia(_ value: Substring) throws(SDPError) -> SDPMediaStream {
        let fields = value.split(separator: " ")
        guard fields.count >= 3, !fields[0].isEmpty else {
            throw .badMedia
        }
        let portParts = fields[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let port = SIPText.port(portParts[0]) else {
            throw .badMedia
        }
        var count = 1
        if portParts.count == 2 {
            guard let value = SIPText.decimal(portParts[1]), value >= 1, value <= Int(UInt16.max) else {
                throw .badMedia
            }
            count = value
        }
        return SDPMediaStream(
            mediaType: String(fields[0]),
            port: port,
            portCount: count,
            transport: String(fields[2]),
            formats: fields.dropFirst(3).map(String.init),
            connectionAddress: nil
        )
    }

    /// `PORT [IN IP4|IP6 address]` after `a=rtcp:`.
    private static func parseRTCP(_ value: Substring) throws(SDPError) -> (UInt16, IPAddress?) {
        let fields = value.split(separator: " ")
        guard fields.count == 1 || fields.count == 4, let port = SIPText.port(fields[0]), port != 0 else {
            throw .badAttribute
        }
        guard fields.count == 4 else {
            return (port, nil)
        }
        guard fields[1] == "IN", let address = try? address(fields[2], fields[3]) else {
            throw .badAttribute
        }
        return (port, address)
    }
}
