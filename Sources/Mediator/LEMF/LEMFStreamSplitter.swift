import ETSI

/// Splits one connection's byte stream into whole PS-PDUs.
///
/// Bytes arrive in chunks of any size; ``next()`` returns each record once all its octets are there, using
/// ``PSPDUReader/recordLength(in:lenient:)`` (strict DER) for the framing. A wrong tag, a malformed length, or more
/// than ``maximumRecordLength`` octets without a whole record make the rest of the stream unreadable: the splitter
/// throws and stays failed.
public struct LEMFStreamSplitter: Sendable {
    /// The default limit on one record's size: 16 MiB, far above any PS-PDU the appliance writes.
    public static let defaultMaximumRecordLength = 16 << 20

    /// The largest record accepted.
    public let maximumRecordLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// The error that stopped the stream, if any.
    public private(set) var failure: LEMFStreamError?

    /// Creates an empty splitter.
    public init(maximumRecordLength: Int = LEMFStreamSplitter.defaultMaximumRecordLength) {
        self.maximumRecordLength = max(2, maximumRecordLength)
    }

    /// Octets received but not yet returned as a record.
    public var bufferedCount: Int { buffer.count - start }

    /// Adds received octets.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else {
            return
        }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Adds received octets.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next whole record, or nil when more octets are needed.
    public mutating func next() throws(LEMFStreamError) -> ArraySlice<UInt8>? {
        if let failure {
            throw failure
        }
        let begin = start
        let framing = buffer.withUnsafeBytes { all -> Result<Int?, DERError> in
            do throws(DERError) {
                return .success(try PSPDUReader.recordLength(in: UnsafeRawBufferPointer(rebasing: all[begin...])))
            } catch {
                return .failure(error)
            }
        }
        let length: Int?
        switch framing {
        case .success(let found):
            length = found
        case .failure(let error):
            return try fail(.notDER(error))
        }
        guard let length else {
            if bufferedCount > maximumRecordLength {
                return try fail(.recordTooLong(buffered: bufferedCount, limit: maximumRecordLength))
            }
            return nil
        }
        guard length <= maximumRecordLength else {
            return try fail(.recordTooLong(buffered: bufferedCount, limit: maximumRecordLength))
        }
        start += length
        return buffer[begin..<start]
    }

    private mutating func fail(_ error: LEMFStreamError) throws(LEMFStreamError) -> ArraySlice<UInt8>? {
        failure = error
        buffer = []
        start = 0
        throw error
    }
}
