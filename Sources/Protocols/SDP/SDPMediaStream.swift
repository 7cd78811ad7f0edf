import Packets

/// One `m=` line of a session description with the attributes that locate and direct its media.
public struct SDPMediaStream: Sendable, Hashable {
    /// The media type: `audio`, `video`, `text`, `application`, ...
    public var mediaType: String
    /// The RTP port; 0 is a closed (rejected or removed) stream.
    public var port: UInt16
    /// The number of ports from `m=audio 49170/2`; 1 when not given.
    public var portCount: Int
    /// The transport protocol, for example `RTP/AVP`.
    public var transport: String
    /// The media formats (RTP payload types for RTP transports), in order.
    public var formats: [String]
    /// The connection address: the stream's own `c=` line, else the session's.
    public var connectionAddress: IPAddress?
    /// The stream's direction: its own attribute, else the session's, else sendrecv.
    public var direction: SDPDirection
    /// The port from `a=rtcp:PORT`.
    public var rtcpPort: UInt16?
    /// The address from `a=rtcp:PORT IN IP4|IP6 address`.
    public var rtcpAddress: IPAddress?

    /// A stream from its fields.
    public init(
        mediaType: String,
        port: UInt16,
        portCount: Int = 1,
        transport: String,
        formats: [String],
        connectionAddress: IPAddress?,
        direction: SDPDirection = .sendrecv,
        rtcpPort: UInt16? = nil,
        rtcpAddress: IPAddress? = nil
    ) {
        self.mediaType = mediaType
        self.port = port
        self.portCount = portCount
        self.transport = transport
        self.formats = formats
        self.connectionAddress = connectionAddress
        self.direction = direction
        self.rtcpPort = rtcpPort
        self.rtcpAddress = rtcpAddress
    }

    /// True when the port is 0: the stream is rejected or removed.
    public var isClosed: Bool {
        port == 0
    }

    /// True when media may flow: the stream is open and not `a=inactive`.
    public var isActive: Bool {
        !isClosed && direction != .inactive
    }

    /// Where this stream's RTP is received; nil when the stream is closed or has no address.
    public var rtpEndpoint: SDPEndpoint? {
        guard !isClosed, let connectionAddress else {
            return nil
        }
        return SDPEndpoint(address: connectionAddress, port: port)
    }

    /// Where this stream's RTCP is received: `a=rtcp` when given, else the RTP port + 1 at the same address;
    /// nil when the stream is closed, has no address, or its RTP port is 65535.
    public var rtcpEndpoint: SDPEndpoint? {
        guard let rtp = rtpEndpoint else {
            return nil
        }
        if let rtcpPort {
            return SDPEndpoint(address: rtcpAddress ?? rtp.address, port: rtcpPort)
        }
        guard rtp.port < UInt16.max else {
            return nil
        }
        return SDPEndpoint(address: rtp.address, port: rtp.port + 1)
    }
}
