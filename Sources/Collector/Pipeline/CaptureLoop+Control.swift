import Packets
import Protocols

extension CaptureLoop {
    /// Adds an IPv4 fragment to or from a session server to its datagram; a complete RADIUS or SIP datagram is
    /// applied like an unfragmented one.
    func reassembleControl(_ frame: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        let ip = UnsafeRawBufferPointer(rebasing: frame[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
        guard let datagram = reassembler.add(ipPacket: ip, time: time) else { return }
        statistics.reassembled += 1
        datagram.withUnsafeBytes { whole in
            guard let rebuilt = try? PacketDecoder.decode(whole, linkType: .ipv4), rebuilt.transportProtocol == 17
            else { return }
            let payload = UnsafeRawBufferPointer(
                rebasing: whole[rebuilt.payloadOffset..<(rebuilt.payloadOffset + rebuilt.payloadLength)]
            )
            if table.isControl(
                source: rebuilt.source,
                sourcePort: rebuilt.sourcePort,
                destination: rebuilt.destination,
                destinationPort: rebuilt.destinationPort
            ) {
                control(payload, packet: rebuilt, time: time)
            } else if table.isSIP(
                source: rebuilt.source,
                sourcePort: rebuilt.sourcePort,
                destination: rebuilt.destination,
                destinationPort: rebuilt.destinationPort
            ) {
                sipMessage(payload, packet: rebuilt, time: time)
            }
        }
    }

    /// Applies one RADIUS datagram to the IP session tracker.
    func control(_ payload: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        statistics.controlPackets += 1
        let message: RADIUSMessage
        do {
            message = try RADIUSParser.parse(payload)
        } catch {
            statistics.controlErrors["radius_\(error.description)", default: 0] += 1
            return
        }
        let toServer = table.controlEndpoints.contains(
            ControlEndpoint(address: packet.destination, port: packet.destinationPort)
        )
        tracker.handle(
            message,
            client: toServer ? packet.source : packet.destination,
            clientPort: toServer ? packet.sourcePort : packet.destinationPort,
            timeMicros: time
        )
        if tracker.tableChanged { refreshTable() }
        handOverIRIs()
    }

    /// Applies SIP to or from a SIP server: a UDP datagram is one message, a TCP segment goes through the
    /// connection's stream splitter and may complete several messages (or none).
    func sip(_ frame: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        let payload = UnsafeRawBufferPointer(
            rebasing: frame[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]
        )
        if packet.transportProtocol == 17 {
            sipMessage(payload, packet: packet, time: time)
            return
        }
        let segmentEnd = packet.ipOffset + packet.ipLength
        guard packet.transportOffset < segmentEnd else { return }
        let segment = UnsafeRawBufferPointer(rebasing: frame[packet.transportOffset..<segmentEnd])
        let key = SIPTCPStreams.FlowKey(
            source: packet.source,
            destination: packet.destination,
            sourcePort: packet.sourcePort,
            destinationPort: packet.destinationPort
        )
        let messages: [[UInt8]]
        do {
            messages = try tcpStreams.append(
                tcp: segment,
                payloadOffset: packet.payloadOffset - packet.transportOffset,
                key: key,
                timeMicros: time
            )
        } catch {
            statistics.controlErrors["sip_\(error.description)", default: 0] += 1
            return
        }
        for message in messages {
            message.withUnsafeBytes { bytes in sipMessage(bytes, packet: packet, time: time) }
        }
    }

    /// Parses one SIP message and applies it to the VoIP call tracker; keep-alives (bare line breaks) are skipped.
    func sipMessage(_ bytes: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A || $0 == 0 }) { return }
        statistics.controlPackets += 1
        let message: SIPMessage
        do {
            message = try SIPParser.parse(bytes)
        } catch {
            statistics.controlErrors["sip_\(error.description)", default: 0] += 1
            return
        }
        calls.handle(message, raw: bytes, source: packet.source, destination: packet.destination, timeMicros: time)
        if calls.mediaChanged { refreshTable() }
        handOverIRIs()
    }
}
