import ETSI
import TestSupport
import Testing

/// cINReset and keep-alive PDUs: the decoder's view, the summary, and the keep-alive response golden.
@Suite struct TRIPayloadTests {
    static let time = Timestamp(seconds: 1_714_521_900, microseconds: 0)

    @Test func cinResetDecodes() throws {
        let record = RecordBuilder.record(cin: 4_000_000, sequence: 0, time: Self.time, payload: TRIPayload.cinReset)
        let run = try DecoderRun.run(record, check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\"tRIPayload\": {\"cINReset\": null}"), "\(run.output)")
        #expect(run.output.contains("\"communicationIdentityNumber\": 4000000"))
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.kind == .tri)
        #expect(summary.triMessage == .cinReset)
        #expect(summary.cin == 4_000_000)
    }

    @Test(arguments: [UInt64(0), 1, 127, 128, 65_536, UInt64(UInt32.max)])
    func keepAlivesUseCINZeroAndDecode(sequence: UInt64) throws {
        let header = RecordBuilder.goldenHeader
        var out: [UInt8] = []
        let length = KeepAlivePDU.encodedLength(header: header, sequence: sequence, time: Self.time)
        out.reserveCapacity(length)
        KeepAlivePDU.write(header: header, sequence: sequence, time: Self.time, into: &out)
        #expect(out.count == length)
        let summary = try out.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.kind == .tri)
        #expect(summary.triMessage == .keepAlive)
        #expect(summary.cin == 0)
        #expect(summary.sequence == sequence)

        let run = try DecoderRun.run(out, check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\"keep-alive\": null"))

        let response = try out.withUnsafeBytes { try KeepAlivePDU.response(to: $0) }
        #expect(try response.withUnsafeBytes { try PSPDUReader.summarize($0) }.triMessage == .keepAliveResponse)
        #expect(response.count == out.count)
        #expect(zip(response, out).filter { $0 != $1 }.count == 1)
    }

    @Test func responseMatchesTheGolden() throws {
        let request = try VectorFiles.bytes("keepalive.der")
        let golden = try VectorFiles.bytes("keepalive-response.der")
        #expect(try request.withUnsafeBytes { try KeepAlivePDU.response(to: $0) } == golden)
    }

    /// A BER keep-alive (the outer length in a needless long form) is answered with the same framing.
    @Test func lenientKeepAliveIsAnswered() throws {
        let request = try VectorFiles.bytes("keepalive.der")
        let golden = try VectorFiles.bytes("keepalive-response.der")
        let ber = [0x30, 0x81] + request[1...]
        let response = try ber.withUnsafeBytes { try KeepAlivePDU.response(to: $0) }
        #expect(response == [0x30, 0x81] + golden[1...])
    }

    @Test(arguments: ["ipcc", "keepalive-response", "ipiri-begin"])
    func otherRecordsGetNoResponse(name: String) throws {
        let bytes = try VectorFiles.bytes("\(name).der")
        #expect(throws: DERError.self) { try bytes.withUnsafeBytes { try KeepAlivePDU.response(to: $0) } }
    }

    @Test func malformedKeepAlivesGetNoResponse() throws {
        let request = try VectorFiles.bytes("keepalive.der")
        for count in 0..<request.count {
            let prefix = Array(request[..<count])
            #expect(throws: DERError.self) { try prefix.withUnsafeBytes { try KeepAlivePDU.response(to: $0) } }
        }
        #expect(throws: DERError.trailingBytes) {
            try (request + [0]).withUnsafeBytes { try KeepAlivePDU.response(to: $0) }
        }
        let cinReset = RecordBuilder.record(cin: 1, sequence: 0, time: Self.time, payload: TRIPayload.cinReset)
        #expect(throws: DERError.unexpectedTag(0x87)) {
            try cinReset.withUnsafeBytes { try KeepAlivePDU.response(to: $0) }
        }
    }
}
