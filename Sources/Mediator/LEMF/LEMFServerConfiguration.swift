/// How the built-in LEMF serves.
public struct LEMFServerConfiguration: Sendable, Equatable {
    /// Where it listens.
    public var listen: LEMFListenAddress
    /// TLS material; nil serves plaintext.
    public var tls: LEMFTLSFiles?
    /// The JSON lines file; nil writes to standard output.
    public var outputPath: String?
    /// The largest record accepted before a stream is declared broken.
    public var maximumRecordLength: Int

    /// Creates a configuration.
    public init(
        listen: LEMFListenAddress,
        tls: LEMFTLSFiles? = nil,
        outputPath: String? = nil,
        maximumRecordLength: Int = LEMFStreamSplitter.defaultMaximumRecordLength
    ) {
        self.listen = listen
        self.tls = tls
        self.outputPath = outputPath
        self.maximumRecordLength = maximumRecordLength
    }
}
