import ETSI
import Mediator
import TestSupport
import Testing

@Suite("LEMF stream splitter")
struct LEMFStreamSplitterTests {
    static let recordLengths = [156, 134, 176]

    @Test("records split at every chunk size come out whole and in order", arguments: [1, 2, 7, 64, 155, 157, 466])
    func chunked(chunkSize: Int) throws {
        let stream = try VectorFiles.bytes("stream-ipaccess.der")
        var splitter = LEMFStreamSplitter()
        var records: [[UInt8]] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + chunkSize)
            splitter.append(Array(stream[offset..<end]))
            offset = end
            while let record = try splitter.next() {
                records.append(Array(record))
            }
        }
        #expect(records.map(\.count) == Self.recordLengths)
        #expect(records.flatMap { $0 } == stream)
        #expect(splitter.bufferedCount == 0)
    }

    @Test("a record cut at the end stays buffered")
    func partial() throws {
        let stream = try VectorFiles.bytes("stream-ipaccess.der")
        var splitter = LEMFStreamSplitter()
        splitter.append(Array(stream.prefix(200)))
        #expect(try splitter.next()?.count == 156)
        #expect(try splitter.next() == nil)
        #expect(splitter.bufferedCount == 44)
    }

    @Test(
        "garbage makes the stream fail once and for good",
        arguments: [
            [0x00, 0x01, 0x02, 0x03],
            [0x30, 0x80, 0x00, 0x00],
            [0x30, 0x81, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00],
            Array("GET / HTTP/1.1\r\n".utf8),
        ] as [[UInt8]]
    )
    func garbage(bytes: [UInt8]) throws {
        var splitter = LEMFStreamSplitter()
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        splitter.append(keepAlive + bytes)
        #expect(try splitter.next()?.count == keepAlive.count)
        #expect(throws: LEMFStreamError.self) { try splitter.next() }
        #expect(splitter.failure != nil)
        splitter.append(keepAlive)
        #expect(throws: LEMFStreamError.self) { try splitter.next() }
    }

    @Test("a huge declared length is refused once the limit is buffered")
    func tooLong() throws {
        var splitter = LEMFStreamSplitter(maximumRecordLength: 1024)
        splitter.append([0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF])
        #expect(try splitter.next() == nil)
        splitter.append([UInt8](repeating: 0, count: 1100))
        #expect(throws: LEMFStreamError.recordTooLong(buffered: 1106, limit: 1024)) { try splitter.next() }
    }
}
