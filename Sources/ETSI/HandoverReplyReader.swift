/// Reads what an agency sends back on a handover connection: splits the stream into PS-PDUs (lenient DER, as
/// OpenLI-style LEMFs write them) and tells keep-alive responses, handed on octet for octet for the connection to
/// match against its outstanding keep-alive, from any other record.
///
/// Pure and bounded: the mediator's channel handler feeds it what it reads; an undecodable record throws (the
/// stream can no longer be split reliably), and more than ``maximumPendingBytes`` without a whole record is
/// ``isOverLimit`` (an agency only ever sends short responses). Nothing on the wire can make it trap.
public struct HandoverReplyReader: Sendable {
    /// One record the agency sent.
    public enum Reply: Sendable, Equatable {
        /// A keep-alive response: the whole record.
        case keepAliveResponse([UInt8])
        /// A PS-PDU that is not a keep-alive response.
        case other
    }

    /// The most bytes kept while waiting for the rest of a record: a keep-alive response is under 200 bytes.
    public static let maximumPendingBytes = 64 << 10

    private var pending: [UInt8] = []
    private var start = 0

    /// A reader at the start of a connection.
    public init() {}

    /// Bytes received but not yet returned as part of a record.
    public var pendingCount: Int { pending.count - start }

    /// Whether more than ``maximumPendingBytes`` are waiting without a whole record.
    public var isOverLimit: Bool { pendingCount > Self.maximumPendingBytes }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0, start >= pending.count / 2 {
            pending.removeFirst(start)
            start = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next whole record, nil when more bytes are needed; throws for data that is not a PS-PDU.
    public mutating func next() throws(DERError) -> Reply? {
        let begin = start
        let framing = pending.withUnsafeBytes { all in
            Result { () throws(DERError) in
                try PSPDUReader.recordLength(in: UnsafeRawBufferPointer(rebasing: all[begin...]), lenient: true)
            }
        }
        guard let length = try framing.get() else { return nil }
        start += length
        let record = Array(pending[begin..<start])
        let reading = record.withUnsafeBytes { bytes in
            Result { () throws(DERError) in try PSPDUReader.summarize(bytes, lenient: true) }
        }
        return try reading.get().triMessage == .keepAliveResponse ? .keepAliveResponse(record) : .other
    }

    /// Drops every byte received.
    public mutating func clear() {
        pending.removeAll()
        start = 0
    }
}
