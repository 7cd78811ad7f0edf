/// What one UDP sink received, for the summary and status.
public struct SinkStatistics: Sendable, Equatable {
    /// The sink, `address:port`.
    public var sink: String
    /// What its datagrams hold (`raw`, `jmirror`, `alu`, `cisco`).
    public var encapsulation: String
    /// Datagrams received.
    public var received = 0
    /// Datagrams whose packet became CCs (raw: the sink is a warrant's; shims: the id is a warrant's).
    public var intercepted = 0
    /// Datagrams from a sender other than the sink's configured source, dropped.
    public var wrongSource = 0
    /// Raw datagrams on a sink no warrant in force names, dropped.
    public var unrouted = 0
    /// Datagrams that held no usable packet: not IP, a shim with nothing after it, an id no warrant names, or longer
    /// than the receive slot.
    public var unusable = 0

    /// Zeroed counts for a sink.
    public init(sink: String, encapsulation: String) {
        self.sink = sink
        self.encapsulation = encapsulation
    }
}
