import ETSI

/// How the built-in LEMF serves.
public struct LEMFServerConfiguration: Sendable {
    /// Where it listens.
    public var listen: LEMFListenAddress
    /// TLS material; nil serves plaintext.
    public var tls: LEMFTLSFiles?
    /// The JSON lines file; nil writes to standard output.
    public var outputPath: String?
    /// The largest record accepted before a stream is declared broken.
    public var maximumRecordLength: Int
    /// The file every received PS-PDU is appended to as received (`--out-der`); nil for none.
    public var derOutputPath: String?
    /// The agency's AES-192 key: encrypted records are decrypted, then checked like plain ones; nil leaves them
    /// encrypted (counted, not checked).
    public var decryptionKey: PayloadEncryptionKey?
    /// The key integrity signatures are verified with: every hash and signature TRI is checked; nil checks none.
    public var integrityKey: IntegrityVerifyingKey?

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
