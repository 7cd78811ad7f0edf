/// Frames SIP messages on a stream transport (TCP, RFC 3261 section 18.3): feed the bytes of one direction of a
/// connection as they arrive and take out every whole message, framed by Content-Length.
///
/// The buffer is bounded: a message larger than ``maximumMessageSize``, a start line that is not SIP, or a missing
/// or bad Content-Length is an error, after which the buffered bytes are dropped (the stream cannot be resynchronised;
/// the caller should stop following it).
public struct SIPStreamSplitter: Sendable {
    /// The largest message accepted, headers and body, in bytes.
    public let maximumMessageSize: Int
    private var buffer: [UInt8] = []
    private var readOffset = 0
    /// Bytes of the message at `readOffset` already searched for the end of its header without finding it (up to
    /// the start of its first incomplete line), so that a message arriving in many small pieces is not searched
    /// from its start again for every piece.
    private var headerSearched = 0
    /// The length of the message at `readOffset`, once its header is complete.
    private var pendingLength: Int?

    /// A splitter that accepts messages of up to `maximumMessageSize` bytes.
    public init(maximumMessageSize: Int = 65_535) {
        self.maximumMessageSize = max(maximumMessageSize, 64)
        buffer.reserveCapacity(min(self.maximumMessageSize, 4096))
    }

    /// Bytes received but not yet returned as part of a message.
    public var bufferedByteCount: Int {
        buffer.count - readOffset
    }

    /// Appends `bytes` and returns every message now complete, in order (each the exact bytes of one message, to
    /// be parsed with ``SIPParser/parse(_:)``). Line breaks between messages (keep-alives) are skipped.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) throws(SIPError) -> [[UInt8]] {
        buffer.append(contentsOf: bytes)
        var messages: [[UInt8]] = []
        do {
            while let message = try nextMessage() {
                messages.append(message)
            }
        } catch {
            reset()
            throw error
        }
        if readOffset > 0 {
            buffer.removeFirst(readOffset)
            readOffset = 0
        }
        return messages
    }

    /// Drops every buffered byte.
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        readOffset = 0
        headerSearched = 0
        pendingLength = nil
    }

    /// The next whole message from the buffer, nil when more bytes are needed.
    private mutating func nextMessage() throws(SIPError) -> [UInt8]? {
        while readOffset < buffer.count, buffer[readOffset] == SIPLines.cr || buffer[readOffset] == SIPLines.lf {
            readOffset += 1
        }
        guard readOffset < buffer.count else {
            return nil
        }
        let start = readOffset
        if pendingLength == nil {
            let maximumMessageSize = maximumMessageSize
            var searched = headerSearched
            let framed = buffer.withUnsafeBytes { bytes in
                Result { () throws(SIPError) -> Int? in
                    try Self.messageLength(bytes, from: start, searched: &searched, maximum: maximumMessageSize)
                }
            }
            pendingLength = try framed.get()
            headerSearched = searched
        }
        guard let length = pendingLength, buffer.count - start >= length else {
            return nil
        }
        readOffset = start + length
        headerSearched = 0
        pendingLength = nil
        return Array(buffer[start..<(start + length)])
    }

    /// The length of the message starting at `start` once its header is in `bytes`; nil when more is needed.
    /// `searched` bytes of it are known to hold no end of header (updated when it is still not found).
    private static func messageLength(
        _ bytes: UnsafeRawBufferPointer,
        from start: Int,
        searched: inout Int,
        maximum: Int
    ) throws(SIPError) -> Int? {
        try checkStartLine(bytes, from: start)
        let searchEnd = min(bytes.count, start + maximum)
        var resume = start + searched
        guard let (headerEnd, bodyStart) = SIPLines.headerBoundary(bytes, from: resume, to: searchEnd, resume: &resume)
        else {
            searched = resume - start
            if bytes.count - start >= maximum {
                throw .messageTooLarge
            }
            return nil
        }
        var contentLength: Int?
        for line in SIPLines.lines(bytes, from: start, to: headerEnd).dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, SIPHeader.canonicalName(String(SIPText.trim(pair[0]))) == "content-length" else {
                continue
            }
            guard let value = SIPText.decimal(SIPText.trim(pair[1])) else {
                throw .badContentLength
            }
            contentLength = value
            break
        }
        guard let contentLength else {
            throw .missingContentLength
        }
        guard contentLength <= maximum, bodyStart - start + contentLength <= maximum else {
            throw .messageTooLarge
        }
        return bodyStart - start + contentLength
    }

    /// Fails at once when the start line (complete or not) holds control bytes, or when it is complete and not
    /// a SIP request or status line, or longer than ``SIPParser/maximumLineLength``.
    private static func checkStartLine(_ bytes: UnsafeRawBufferPointer, from start: Int) throws(SIPError) {
        let end = min(bytes.count, start + SIPParser.maximumLineLength + 2)
        var index = start
        while index < end, bytes[index] != SIPLines.lf {
            let byte = bytes[index]
            if byte == 0x7f || (byte < 0x20 && byte != SIPLines.cr && byte != UInt8(ascii: "\t")) {
                throw .badStartLine
            }
            index += 1
        }
        guard index < end else {
            if end - start > SIPParser.maximumLineLength {
                throw .lineTooLong
            }
            return
        }
        let contentEnd = index > start && bytes[index - 1] == SIPLines.cr ? index - 1 : index
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<contentEnd]), as: UTF8.self)
        _ = try SIPStartLine.parse(line)
    }
}
