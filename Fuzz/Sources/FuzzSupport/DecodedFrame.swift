import Packets

/// What the pipeline does with a decoded frame before any protocol looks at it: slices its IP packet, TCP segment
/// and payload out of the frame by the decoder's offsets, hashes the address pair to a shard and names the
/// addresses (as status and debug logs do). Slicing outside the frame traps in a debug build, which is the point.
public enum DecodedFrame {
    /// Uses `packet`, decoded from `frame`, as the pipeline does; returns a value that depends on all of it.
    @discardableResult
    public static func use(_ packet: DecodedPacket, in frame: UnsafeRawBufferPointer) -> Int {
        let ip = UnsafeRawBufferPointer(rebasing: frame[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
        let payload = UnsafeRawBufferPointer(
            rebasing: frame[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)]
        )
        var used = ip.count &+ payload.count
        let ipEnd = packet.ipOffset + ip.count
        if packet.transportOffset < ipEnd {
            used &+= UnsafeRawBufferPointer(rebasing: frame[packet.transportOffset..<ipEnd]).count
        }
        used &+= Int(truncatingIfNeeded: FlowHash.symmetric(packet.source, packet.destination))
        used &+= packet.source.description.utf8.count &+ packet.destination.description.utf8.count
        if let tunnel = packet.tunnel {
            let inner = Int(tunnel.innerOffset)
            used &+= UnsafeRawBufferPointer(rebasing: payload[inner...]).count
        }
        return used
    }
}
