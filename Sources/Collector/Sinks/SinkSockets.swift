import Warrants

/// The run's UDP sinks, bound before the pipeline starts (so that a sink that cannot be bound stops the run at once,
/// naming it) and then read by the sink receiver's thread only.
public final class SinkSockets: @unchecked Sendable {
    // Safe to share: the sockets are opened here, then handed to the sink receiver, whose thread alone reads them.
    let sockets: [UDPSinkSocket]

    /// Binds every sink with a receive buffer of `bufferBytes`; throws, with none left open, when one cannot be.
    public init(_ sinks: [UDPSink], bufferBytes: Int) throws(SinkError) {
        var sockets: [UDPSinkSocket] = []
        for sink in sinks { sockets.append(try UDPSinkSocket(sink, bufferBytes: bufferBytes)) }
        self.sockets = sockets
    }

    /// No sink.
    public static let none = SinkSockets()

    private init() {
        sockets = []
    }

    /// The sinks, in order.
    public var sinks: [UDPSink] { sockets.map(\.sink) }

    /// The receive buffer the kernel granted each sink, in bytes, in the order of the sinks.
    public var receiveBuffers: [Int] { sockets.map(\.receiveBufferBytes) }

    /// Whether there is no sink.
    public var isEmpty: Bool { sockets.isEmpty }
}
