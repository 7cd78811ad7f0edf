/// What went wrong in a `HandoverSpool`.
public struct SpoolError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// A file system call failed (the message names the call, the file and the errno text).
        case io
        /// The unacknowledged bytes would pass the quota: nothing was written; wait for acknowledgements and retry.
        case quotaExceeded
        /// The file system holding the spool is full (ENOSPC, EDQUOT), or so nearly full that the spool's reserve
        /// for records already produced would be eaten: nothing was written; retry once space is freed.
        case diskFull
        /// Spooled data failed its checksum or framing while being read; the damaged part was dropped and counted
        /// in `recoveredTruncatedBytes`.
        case corrupt
        /// The call can never succeed as made: an entry larger than the quota or the entry format allows, a record
        /// count below 1, or a position that does not belong to this spool.
        case invalidArgument
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, for logs.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
