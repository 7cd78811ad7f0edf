import ETSI
import Mediator
import TestSupport
import Testing

@Suite("LEMF receiver")
struct LEMFReceiverTests {
    /// Feeds whole records to a receiver on one connection and returns their receipts.
    private func feed(_ records: [[UInt8]], into receiver: inout LEMFReceiver, tls: Bool = false) -> [LEMFReceipt] {
        let connection = receiver.accept(peer: "127.0.0.1:1", tls: tls)
        return records.map { receiver.receive($0[...], connection: connection) }
    }

    @Test("a keep-alive is answered with the golden keep-aliveResponse")
    func keepAlive() throws {
        var receiver = LEMFReceiver()
        let receipts = feed([try VectorFiles.bytes("keepalive.der")], into: &receiver)
        #expect(receipts.first?.reply == (try VectorFiles.bytes("keepalive-response.der")))
        #expect(receipts.first?.line.contains(#""kind":"TRI","tri":"keep-alive""#) == true)
        #expect(receiver.summary.connections[1]?.keepAlivesAnswered == 1)
        #expect(receiver.summary.liids["LIID-0001"]?.tris == 1)
        #expect(!receiver.summary.hasErrors)
    }

    @Test("the golden stream counts right, and a redelivery on a second connection is not an error")
    func streamAndRedelivery() throws {
        var receiver = LEMFReceiver()
        let stream = try VectorFiles.bytes("stream-ipaccess.der")
        let records = [Array(stream[0..<156]), Array(stream[156..<290]), Array(stream[290...])]
        let first = feed(records, into: &receiver)
        #expect(first.allSatisfy { $0.problems.isEmpty && $0.reply == nil })
        let second = feed([records[2]], into: &receiver)
        #expect(second.first?.line.hasSuffix(#""redelivery":true}"#) == true)
        let counters = try #require(receiver.summary.liids["LIID-0001"])
        #expect(counters.records == 4)
        #expect(counters.iris[.begin] == 1)
        #expect(counters.iris[.end] == 2)
        #expect(counters.ccs == 1)
        #expect(counters.cins == [7])
        #expect(counters.redeliveries == 1)
        #expect(counters.connections == [1, 2])
        #expect(!receiver.summary.hasErrors)
    }

    @Test("a gap is an error with a line for standard error")
    func gap() throws {
        var receiver = LEMFReceiver()
        let stream = try VectorFiles.bytes("bad-sequence-gap.der")
        let receipts = feed([Array(stream[0..<156]), Array(stream[156...])], into: &receiver)
        #expect(receipts[1].problems.first?.contains("sequence 2: gap, expected 1") == true)
        #expect(receipts[1].line.contains(#""sequenceError":"gap: expected 1""#))
        #expect(receiver.summary.liids["LIID-0001"]?.gaps == 1)
        #expect(receiver.summary.hasErrors)
        #expect(receiver.summary.render().first == "lemf: summary: 1 LIIDs, 1 connections, 2 records, 1 errors")
    }

    @Test("a record that is BER but not DER is an error, counted under its LIID")
    func notDER() throws {
        var receiver = LEMFReceiver()
        let receipts = feed([try VectorFiles.bytes("bad-nonminimal-integer.der")], into: &receiver)
        #expect(receipts[0].line.contains(#""derError""#))
        #expect(receipts[0].problems.first?.contains("LIID \"LIID-0001\"") == true)
        #expect(receiver.summary.liids["LIID-0001"]?.derErrors == 1)
        #expect(receiver.summary.unattributedDERErrors == 0)
        #expect(receiver.summary.hasErrors)
    }

    @Test("a cINReset starts the CIN's numbering again")
    func cinReset() throws {
        var receiver = LEMFReceiver()
        let begin = try VectorFiles.bytes("ipiri-begin.der")
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let reset = Array(keepAlive.dropLast(TRIPayload.cinReset.count)) + TRIPayload.cinReset
        let receipts = feed([begin, reset, begin], into: &receiver)
        #expect(receipts[1].line.contains(#""tri":"cINReset""#))
        #expect(receipts[1].reply == nil)
        #expect(!receipts[2].line.contains("redelivery"))
        #expect(receiver.summary.liids["LIID-0001"]?.cinResets == 1)
        #expect(receiver.summary.liids["LIID-0001"]?.redeliveries == 0)
    }

    @Test("the summary lists each LIID and connection with its transport")
    func summaryText() throws {
        var receiver = LEMFReceiver()
        _ = feed([try VectorFiles.bytes("ipcc.der")], into: &receiver, tls: true)
        receiver.secured(connection: 1, tlsVersion: "TLS 1.3", peerSubject: "CN=appliance")
        let lines = receiver.summary.render()
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix(#"lemf: LIID "LIID-0001": 1 records; IRI 0; CC 1; TRI 0; CINs 1;"#))
        #expect(lines[1].hasSuffix("connections [1 127.0.0.1:1 TLS 1.3, subject CN=appliance]"))
        #expect(lines[2].hasPrefix("lemf: connection 1 127.0.0.1:1 TLS 1.3, subject CN=appliance: 1 records"))
    }
}
