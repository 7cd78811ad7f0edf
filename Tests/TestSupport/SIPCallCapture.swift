/// One datagram or segment payload a crafted capture carries, with where it went: what the tests expect back as
/// an IRI's `sIPContent` or a CC's media payload.
public struct SIPSent: Sendable, Equatable {
    /// The SIP message or RTP/RTCP packet (the UDP or TCP payload).
    public var bytes: [UInt8]
    /// The sender.
    public var from: SIPEndpoint
    /// The receiver.
    public var to: SIPEndpoint

    /// A sent payload.
    public init(bytes: [UInt8], from: SIPEndpoint, to: SIPEndpoint) {
        self.bytes = bytes
        self.from = from
        self.to = to
    }
}

/// Writes SIP calls into a pcap: SIP over UDP (whole or as IPv4 fragments) or TCP (segments as given), RTP with
/// increasing sequence numbers and timestamps per direction, and RTCP sender reports. Every frame is 1 ms after
/// the previous one unless `wait` adds more.
public struct SIPCallCapture {
    private struct Flow: Hashable {
        var from: SIPEndpoint
        var to: SIPEndpoint
    }

    private struct RTPState {
        var sequence: UInt16
        var timestamp: UInt32
        var ssrc: UInt32
        var sent: UInt32 = 0
    }

    /// The underlying capture, for frames of other kinds.
    public var capture = CraftedCapture()
    private var identifier: UInt16 = 0x1000
    private var rtpStates: [Flow: RTPState] = [:]
    private var tcpNext: [Flow: UInt32] = [:]

    /// An empty capture.
    public init() {}

    /// Leaves `milliseconds` of silence before the next frame.
    public mutating func wait(milliseconds: Int) {
        capture.timeMicros += Int64(milliseconds) * 1000
    }

    /// Sends `payload` in one UDP datagram.
    @discardableResult
    public mutating func udp(_ payload: [UInt8], from: SIPEndpoint, to: SIPEndpoint) -> SIPSent {
        let datagram = CraftedCapture.udp(sourcePort: from.port, destinationPort: to.port, payload: payload)
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: from.address,
                to: to.address,
                protocol: 17,
                payload: datagram,
                identifier: identifier
            )
        )
        identifier &+= 1
        return SIPSent(bytes: payload, from: from, to: to)
    }

    /// Sends a SIP message in one UDP datagram.
    @discardableResult
    public mutating func sip(_ message: SIPMessageText, from: SIPEndpoint, to: SIPEndpoint) -> SIPSent {
        udp(message.bytes, from: from, to: to)
    }

    /// Sends `payload` in one UDP datagram cut into IPv4 fragments of `fragmentSize` bytes (a multiple of 8) of
    /// the UDP datagram each, the last one shorter.
    @discardableResult
    public mutating func fragmented(
        _ payload: [UInt8],
        from: SIPEndpoint,
        to: SIPEndpoint,
        fragmentSize: Int
    )
        -> SIPSent
    {
        let datagram = CraftedCapture.udp(sourcePort: from.port, destinationPort: to.port, payload: payload)
        let size = max(8, fragmentSize / 8 * 8)
        var offset = 0
        while offset < datagram.count {
            let end = min(offset + size, datagram.count)
            capture.add(
                ipPacket: CraftedCapture.ipv4(
                    from: from.address,
                    to: to.address,
                    protocol: 17,
                    payload: Array(datagram[offset..<end]),
                    identifier: identifier,
                    fragmentOffset: offset,
                    moreFragments: end < datagram.count
                )
            )
            offset = end
        }
        identifier &+= 1
        return SIPSent(bytes: payload, from: from, to: to)
    }

    /// Opens a TCP connection from `client` to `server`: SYN, SYN-ACK, ACK.
    public mutating func tcpConnect(from client: SIPEndpoint, to server: SIPEndpoint) {
        let forward = Flow(from: client, to: server)
        let backward = Flow(from: server, to: client)
        let clientStart = UInt32(10_000 + client.port)
        let serverStart = UInt32(50_000 + server.port)
        segment(forward, sequence: clientStart, acknowledgement: 0, flags: .syn, payload: [])
        segment(backward, sequence: serverStart, acknowledgement: clientStart + 1, flags: [.syn, .ack], payload: [])
        segment(forward, sequence: clientStart + 1, acknowledgement: serverStart + 1, flags: .ack, payload: [])
        tcpNext[forward] = clientStart + 1
        tcpNext[backward] = serverStart + 1
    }

    /// Sends `payload` as one TCP segment (PSH, ACK) continuing the byte stream from `from` to `to`.
    @discardableResult
    public mutating func tcp(_ payload: [UInt8], from: SIPEndpoint, to: SIPEndpoint) -> SIPSent {
        let flow = Flow(from: from, to: to)
        let sequence = tcpNext[flow] ?? 1000
        let acknowledgement = tcpNext[Flow(from: to, to: from)] ?? 0
        segment(flow, sequence: sequence, acknowledgement: acknowledgement, flags: [.psh, .ack], payload: payload)
        tcpNext[flow] = sequence &+ UInt32(payload.count)
        return SIPSent(bytes: payload, from: from, to: to)
    }

    /// Sends one RTP packet from `from` to `to`, 10 ms after the previous frame.
    @discardableResult
    public mutating func rtp(from: SIPEndpoint, to: SIPEndpoint) -> SIPSent {
        let flow = Flow(from: from, to: to)
        let seed = UInt32(truncatingIfNeeded: "\(from)>\(to)".hashValueStable)
        var state =
            rtpStates[flow] ?? RTPState(sequence: UInt16(truncatingIfNeeded: seed), timestamp: seed >> 3, ssrc: seed)
        let packet = SIPMediaPacket.rtp(sequence: state.sequence, timestamp: state.timestamp, ssrc: state.ssrc)
        state.sequence &+= 1
        state.timestamp &+= 160
        state.sent += 1
        rtpStates[flow] = state
        wait(milliseconds: 9)
        return udp(packet, from: from, to: to)
    }

    /// Sends `count` RTP packets alternately from `first` to `second` and back, starting with `first`.
    @discardableResult
    public mutating func rtp(between first: SIPEndpoint, and second: SIPEndpoint, count: Int) -> [SIPSent] {
        (0..<count).map { index in
            index % 2 == 0 ? rtp(from: first, to: second) : rtp(from: second, to: first)
        }
    }

    /// Sends an RTCP sender report from `from` (an RTCP port) to `to`, for the RTP sent so far from `rtpSource`.
    @discardableResult
    public mutating func rtcp(from: SIPEndpoint, to: SIPEndpoint, rtpSource: SIPEndpoint) -> SIPSent {
        let state = rtpStates.first { $0.key.from == rtpSource }?.value
        let seed = UInt32(truncatingIfNeeded: "\(rtpSource)".hashValueStable)
        let report = SIPMediaPacket.senderReport(
            ssrc: state?.ssrc ?? seed,
            ntpSeconds: UInt32(capture.timeMicros / 1_000_000) &+ 2_208_988_800,
            rtpTimestamp: state?.timestamp ?? 0,
            packets: state?.sent ?? 0
        )
        return udp(report, from: from, to: to)
    }

    /// Writes the capture to `path`.
    public func write(to path: String) throws {
        try capture.write(to: path)
    }

    private mutating func segment(
        _ flow: Flow,
        sequence: UInt32,
        acknowledgement: UInt32,
        flags: CraftedCapture.TCPFlags,
        payload: [UInt8]
    ) {
        let segment = CraftedCapture.tcp(
            from: flow.from.address,
            to: flow.to.address,
            sourcePort: flow.from.port,
            destinationPort: flow.to.port,
            sequence: sequence,
            acknowledgement: acknowledgement,
            flags: flags,
            payload: payload
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: flow.from.address,
                to: flow.to.address,
                protocol: 6,
                payload: segment,
                identifier: identifier
            )
        )
        identifier &+= 1
    }
}
