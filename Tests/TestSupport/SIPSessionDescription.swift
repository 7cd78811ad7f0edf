/// An SDP body (RFC 4566) for crafted SIP: one `o=` line, a session-level `c=` line and one audio stream with
/// G.711 A-law (payload type 8), optionally an `a=rtcp:` port and extra lines.
public struct SIPSessionDescription: Sendable, Equatable {
    /// `o=` username.
    public var username: String
    /// `o=` sess-id.
    public var sessionID: UInt64
    /// `o=` sess-version.
    public var version: UInt64
    /// `o=` unicast address.
    public var originAddress: String
    /// Where the audio is received: `c=` address and `m=audio` port.
    public var media: SIPEndpoint
    /// `a=rtcp:` port, when RTCP is not on the RTP port + 1.
    public var rtcpPort: UInt16?
    /// More attribute lines after the stream's own (without CRLF), e.g. to make the body big.
    public var extraLines: [String]

    /// An offer or answer with the `o=` address equal to the media address.
    public init(
        username: String = "-",
        sessionID: UInt64,
        version: UInt64 = 1,
        originAddress: String? = nil,
        media: SIPEndpoint,
        rtcpPort: UInt16? = nil,
        extraLines: [String] = []
    ) {
        self.username = username
        self.sessionID = sessionID
        self.version = version
        self.originAddress = originAddress ?? media.host
        self.media = media
        self.rtcpPort = rtcpPort
        self.extraLines = extraLines
    }

    /// Where RTCP is received: the `a=rtcp:` port, or the RTP port + 1.
    public var rtcp: SIPEndpoint {
        media.with(port: rtcpPort ?? media.port + 1)
    }

    /// The `o=` line (without `o=`).
    public var origin: String {
        "\(username) \(sessionID) \(version) IN IP4 \(originAddress)"
    }

    /// The body text.
    public var bytes: [UInt8] {
        var lines = [
            "v=0", "o=\(origin)", "s=-", "c=IN IP4 \(media.host)", "t=0 0", "m=audio \(media.port) RTP/AVP 8",
            "a=rtpmap:8 PCMA/8000",
        ]
        if let rtcpPort { lines.append("a=rtcp:\(rtcpPort)") }
        lines += extraLines
        lines.append("a=sendrecv")
        return Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// The same session with the version incremented and the media moved (a re-offer).
    public func moved(to media: SIPEndpoint) -> SIPSessionDescription {
        var copy = self
        copy.version += 1
        copy.media = media
        return copy
    }
}
