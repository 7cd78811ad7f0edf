/// The state that the records of one stream share when encrypted (as OpenLI keeps it per LIID, apart for IRIs and
/// for CCs): the `byteCounter` of TS 102 232-1 `EncryptedPayload`.
///
/// The counter's upper 32 bits are the Unix time, in seconds, of the stream's first encrypted record; the lower 32
/// bits count the octets of the stream's records before this one (modulo 2^32), as OpenLI does.
public struct EncryptionStream: Sendable, Equatable {
    /// The Unix time of the first record, in seconds.
    public let startSeconds: UInt32
    /// Octets of the stream's records so far (modulo 2^32).
    public private(set) var octetsSent: UInt32 = 0

    /// A stream whose first record is sent at `startSeconds` (Unix time).
    public init(startSeconds: UInt32) {
        self.startSeconds = startSeconds
    }

    /// The byteCounter of the next record.
    public var byteCounter: UInt64 {
        UInt64(startSeconds) << 32 | UInt64(octetsSent)
    }

    /// Counts a sent record of `length` octets.
    public mutating func count(_ length: Int) {
        octetsSent &+= UInt32(truncatingIfNeeded: length)
    }
}
