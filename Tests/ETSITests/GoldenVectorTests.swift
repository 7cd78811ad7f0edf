import ETSI
import TestSupport
import Testing

/// Our bytes against the golden vectors of Tests/Fixtures/vectors (values from their .json files).
@Suite struct GoldenVectorTests {
    static let targetAddress = IRIAddress(bytes: [192, 0, 2, 10], assignment: .dynamic)

    static func ipiriBegin() -> IPIRIContents {
        var contents = IPIRIContents(
            accessEventType: .accessAccept,
            targetUsername: "target@isp.example.net",
            internetAccessType: .fTTx,
            iPVersion: .iPV4
        )
        contents.targetIPAddress = targetAddress
        contents.startTime = Timestamp(seconds: 1_714_521_600, microseconds: 0)
        return contents
    }

    static func goldenParts(_ name: String) -> (sequence: UInt64, time: Timestamp, payload: [UInt8]) {
        switch name {
        case "ipcc":
            let packet = [UInt8](
                hex: "450000281c46400040063238c000020ac6336414c93a01bb1a2b3c4d000000005002faf0a7310000"
            )
            return (
                0, Timestamp(seconds: 1_714_521_601, microseconds: 250_000),
                RecordBuilder.ipcc(.fromTarget, packet: packet)
            )
        case "ipiri-begin":
            return (
                0, Timestamp(seconds: 1_714_521_600, microseconds: 0),
                IPIRIPayload.encode(profile: .current, type: .begin, contents: ipiriBegin())
            )
        case "ipiri-end":
            var contents = ipiriBegin()
            contents.accessEventType = .accessEnd
            contents.endTime = Timestamp(seconds: 1_714_523_400, microseconds: 0)
            contents.endReason = .regularLogoff
            return (
                1, Timestamp(seconds: 1_714_523_400, microseconds: 7),
                IPIRIPayload.encode(profile: .current, type: .end, contents: contents)
            )
        case "keepalive":
            return (0, Timestamp(seconds: 1_714_521_900, microseconds: 0), TRIPayload.keepAlive)
        default:
            return (0, Timestamp(seconds: 1_714_521_900, microseconds: 0), TRIPayload.keepAliveResponse)
        }
    }

    static func goldenRecord(_ name: String) -> [UInt8] {
        let parts = goldenParts(name)
        return RecordBuilder.record(sequence: parts.sequence, time: parts.time, payload: parts.payload)
    }

    @Test(arguments: ["ipcc", "ipiri-begin", "ipiri-end", "keepalive", "keepalive-response"])
    func matchesGoldenBytes(name: String) throws {
        let expected = try VectorFiles.bytes("\(name).der")
        let ours = Self.goldenRecord(name)
        #expect(ours.hex == expected.hex)
    }

    @Test func streamIsTheConcatenation() throws {
        let expected = try VectorFiles.bytes("stream-ipaccess.der")
        let ours = Self.goldenRecord("ipiri-begin") + Self.goldenRecord("ipcc") + Self.goldenRecord("ipiri-end")
        #expect(ours == expected)
    }

    @Test func writerDoesNotReallocateWithReservedCapacity() {
        let header = RecordBuilder.goldenHeader
        let payload = RecordBuilder.ipcc(.toTarget, packet: [UInt8](repeating: 0x45, count: 1500))
        let time = Timestamp(seconds: 1_714_521_601, microseconds: 1)
        let length = PSPDUWriter.encodedLength(
            header: header,
            cin: 7,
            sequence: 9,
            time: time,
            payloadLength: payload.count
        )
        var out: [UInt8] = [0xEE]
        out.reserveCapacity(length + 1)
        let before = out.withUnsafeBufferPointer { $0.baseAddress }
        payload.withUnsafeBytes {
            PSPDUWriter.write(header: header, cin: 7, sequence: 9, time: time, payload: $0, into: &out)
        }
        #expect(out.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(out.count == length + 1)
        #expect(out.first == 0xEE)
    }
}
