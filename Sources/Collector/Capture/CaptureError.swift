/// Why a capture source could not be opened or read.
public struct CaptureError: Error, Sendable, CustomStringConvertible {
    /// The file or interface.
    public var source: String
    /// libpcap's message, or ours.
    public var reason: String

    /// A one-line description naming the source.
    public var description: String { "\(source): \(reason)" }
}
