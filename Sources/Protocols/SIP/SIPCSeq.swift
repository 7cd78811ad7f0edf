/// The CSeq header: a sequence number and the method of the transaction.
public struct SIPCSeq: Sendable, Hashable {
    /// The sequence number (32 bits, RFC 3261 section 8.1.1.5).
    public var number: UInt32
    /// The method, for example `"INVITE"`.
    public var method: String

    /// A CSeq of `number` and `method`.
    public init(number: UInt32, method: String) {
        self.number = number
        self.method = method
    }

    /// Parses `"1 INVITE"`; nil unless a decimal number and a method token.
    init?(_ value: String) {
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, parts[0].utf8.count <= 10, let number = SIPText.decimal(parts[0]),
            let value = UInt32(exactly: number), SIPText.isToken(parts[1])
        else {
            return nil
        }
        self.number = value
        self.method = String(parts[1])
    }
}
