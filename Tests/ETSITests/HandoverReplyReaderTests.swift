import ETSI
import TestSupport
import Testing

/// The handover's reader of what the agency sends back: keep-alive responses split out of the stream however it
/// arrives, other records told apart, bad data and overlong input refused.
@Suite struct HandoverReplyReaderTests {
    /// Everything `reader` has whole now.
    private func replies(_ reader: inout HandoverReplyReader) throws(DERError) -> [HandoverReplyReader.Reply] {
        var replies: [HandoverReplyReader.Reply] = []
        while let reply = try reader.next() { replies.append(reply) }
        return replies
    }

    @Test(arguments: [1, 7, 1000])
    func responsesInAnyPieces(pieceSize: Int) throws {
        let response = try VectorFiles.bytes("keepalive-response.der")
        let iri = try VectorFiles.bytes("ipiri-begin.der")
        let stream = response + iri + response
        var reader = HandoverReplyReader()
        var replies: [HandoverReplyReader.Reply] = []
        for start in stride(from: 0, to: stream.count, by: pieceSize) {
            stream[start..<min(stream.count, start + pieceSize)].withUnsafeBytes { reader.append($0) }
            replies += try self.replies(&reader)
        }
        #expect(replies == [.keepAliveResponse(response), .other, .keepAliveResponse(response)])
        #expect(reader.pendingCount == 0)
    }

    @Test func lenientFramingIsAccepted() throws {
        let golden = try VectorFiles.bytes("keepalive-response.der")
        let ber = [0x30, 0x81] + golden[1...]
        var reader = HandoverReplyReader()
        ber.withUnsafeBytes { reader.append($0) }
        #expect(try replies(&reader) == [.keepAliveResponse(Array(ber))])
    }

    @Test func badDataThrows() {
        var reader = HandoverReplyReader()
        [0x04, 0x01, 0x00].withUnsafeBytes { reader.append($0) }
        #expect(throws: DERError.unexpectedTag(0x04)) { try reader.next() }
    }

    @Test func tooMuchWithoutARecordIsOverTheLimit() throws {
        var reader = HandoverReplyReader()
        let header: [UInt8] = [0x30, 0x83, 0x10, 0x00, 0x00]
        header.withUnsafeBytes { reader.append($0) }
        #expect(try reader.next() == nil)
        #expect(!reader.isOverLimit)
        [UInt8](repeating: 0, count: HandoverReplyReader.maximumPendingBytes).withUnsafeBytes { reader.append($0) }
        #expect(try reader.next() == nil)
        #expect(reader.isOverLimit)
        reader.clear()
        #expect(reader.pendingCount == 0)
    }
}
