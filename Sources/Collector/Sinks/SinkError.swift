/// Why a UDP sink could not be opened.
public struct SinkError: Error, Sendable, CustomStringConvertible {
    /// The sink, `address:port`.
    public var sink: String
    /// What failed and the system's reason.
    public var reason: String

    /// A one-line description naming the sink.
    public var description: String { "sink \(sink): \(reason)" }
}
