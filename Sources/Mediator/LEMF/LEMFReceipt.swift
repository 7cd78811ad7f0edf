/// What the LEMF does with one received record.
public struct LEMFReceipt: Sendable, Equatable {
    /// The JSON line for the output.
    public var line: String
    /// Octets to send back on the connection (a keep-aliveResponse), if any.
    public var reply: [UInt8]?
    /// Lines for standard error when the record shows errors (a gap, a DER error, a record that does not decrypt,
    /// an integrity check that fails).
    public var problems: [String]

    /// Creates a receipt.
    public init(line: String, reply: [UInt8]? = nil, problems: [String] = []) {
        self.line = line
        self.reply = reply
        self.problems = problems
    }
}
