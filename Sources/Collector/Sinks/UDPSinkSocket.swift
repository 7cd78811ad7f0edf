import CUDPReceive
import Packets
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One bound UDP socket of a sink, read in batches of up to 64 datagrams with one recvmmsg call.
///
/// Used by one thread only (the sink receiver's). The receive slots are allocated once, when the socket opens.
final class UDPSinkSocket {
    /// Bytes of each receive slot: the largest UDP payload.
    static let slotBytes = 65_536
    /// Datagrams read per call.
    static let batchSize = 64

    let sink: UDPSink
    /// The sink's address and port, as the match table keys its routes.
    let endpoint: ServerEndpoint
    let descriptor: Int32
    /// The sender the sink accepts, if it names one.
    private let source: IPAddress?
    private let slots: UnsafeMutableRawBufferPointer
    private var lengths = [UInt32](repeating: 0, count: UDPSinkSocket.batchSize)
    private var truncated = [UInt8](repeating: 0, count: UDPSinkSocket.batchSize)
    private var senders = [openli_udp_sender](repeating: openli_udp_sender(), count: UDPSinkSocket.batchSize)

    /// Binds the sink's address and port with a receive buffer of `bufferBytes`.
    init(_ sink: UDPSink, bufferBytes: Int) throws(SinkError) {
        let name = sink.endpoint.description
        guard let address = IPAddress(sink.address) else {
            throw SinkError(sink: name, reason: "\(sink.address) is not an IP address")
        }
        if let text = sink.sourceAddress {
            guard let parsed = IPAddress(text) else {
                throw SinkError(sink: name, reason: "source \(text) is not an IP address")
            }
            source = parsed
        } else {
            source = nil
        }
        let bytes = address.bytes
        let opened = openli_udp_open(address.isIPv4 ? 4 : 6, bytes, sink.port, Int32(clamping: bufferBytes))
        guard opened >= 0 else {
            throw SinkError(sink: name, reason: "cannot bind: \(String(cString: strerror(-opened)))")
        }
        self.sink = sink
        endpoint = ServerEndpoint(address: address, port: sink.port)
        descriptor = opened
        slots = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Self.slotBytes * Self.batchSize,
            alignment: 16
        )
    }

    deinit {
        close(descriptor)
        slots.deallocate()
    }

    /// The receive buffer the kernel granted, in bytes (0 when it cannot say).
    var receiveBufferBytes: Int { Int(max(0, openli_udp_receive_buffer(descriptor))) }

    /// Reads the datagrams waiting (at most one batch) and calls `body` with each one's payload, whether it came
    /// from the accepted sender, and whether it was cut short. Returns how many were read (0 when none waited).
    func receive(_ body: (UnsafeRawBufferPointer, _ fromAcceptedSource: Bool, _ cutShort: Bool) -> Void) -> Int {
        let received = lengths.withUnsafeMutableBufferPointer { lengths in
            truncated.withUnsafeMutableBufferPointer { truncated in
                senders.withUnsafeMutableBufferPointer { senders in
                    openli_udp_receive_batch(
                        descriptor,
                        slots.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        Self.slotBytes,
                        UInt32(Self.batchSize),
                        lengths.baseAddress,
                        truncated.baseAddress,
                        senders.baseAddress
                    )
                }
            }
        }
        guard received > 0 else { return 0 }
        for index in 0..<Int(received) {
            let start = index * Self.slotBytes
            let length = min(Int(lengths[index]), Self.slotBytes)
            body(
                UnsafeRawBufferPointer(rebasing: slots[start..<(start + length)]),
                accepts(senders[index]),
                truncated[index] != 0
            )
        }
        return Int(received)
    }

    /// Whether a sender is the one the sink accepts (any, when it names none).
    private func accepts(_ sender: openli_udp_sender) -> Bool {
        guard let source else { return true }
        if let port = sink.sourcePort, port != sender.port { return false }
        let address = withUnsafeBytes(of: sender.address) { bytes in
            IPAddress(bytes: UnsafeRawBufferPointer(rebasing: bytes[0..<(sender.family == 6 ? 16 : 4)]))
        }
        return address == source
    }
}
