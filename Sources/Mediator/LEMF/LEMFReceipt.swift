/// What the LEMF does with one received record.
public struct LEMFReceipt: Sendable, Equatable {
    /// The JSON line for the output.
    public var line: String
    /// Octets to send back on the connection (a keep-aliveResponse), if any.
    public var reply: [UInt8]?
    /// A line for standard error when the record shows an error (a gap, a DER error), if any.
    public var problem: String?

    /// Creates a receipt.
    public init(line: String, reply: [UInt8]? = nil, problem: String? = nil) {
        self.line = line
        self.reply = reply
        self.problem = problem
    }
}
