import TestSupport
import Testing

@testable import ETSI

/// Minimal lengths, minimal INTEGERs and their boundaries.
@Suite struct DEREdgeCaseTests {
    @Test(arguments: [
        (0, "00"), (1, "01"), (127, "7f"), (128, "8180"), (255, "81ff"), (256, "820100"), (65535, "82ffff"),
        (65536, "83010000"), (16_777_216, "8401000000"),
    ])
    func lengthIsMinimal(length: Int, expected: String) {
        var out: [UInt8] = []
        DERWriter.appendLength(length, to: &out)
        #expect(out.hex == expected)
        #expect(DERWriter.lengthOctets(length) == out.count)
    }

    @Test(arguments: [
        (UInt64(0), "810100"), (127, "81017f"), (128, "81020080"), (255, "810200ff"), (256, "81020100"),
        (32767, "81027fff"), (32768, "8103008000"), (1 << 31, "81050080000000"), (UInt64(UInt32.max), "810500ffffffff"),
        (1 << 63, "8109008000000000000000"), (UInt64.max, "810900ffffffffffffffff"),
    ])
    func integerIsMinimalAndRoundTrips(value: UInt64, expected: String) throws {
        var out: [UInt8] = []
        DERWriter.appendInteger(.context(1), value, to: &out)
        #expect(out.hex == expected)
        #expect(DERWriter.integerElementLength(value) == out.count)
        try out.withUnsafeBytes { buffer in
            var cursor = DERCursor(buffer, lenient: false)
            let element = try #require(try cursor.next())
            #expect(try cursor.unsigned(element) == value)
        }
    }

    @Test(arguments: ["8100", "81020000", "8102007f", "8102ffff", "810180", "8109010000000000000000"])
    func nonMinimalOrNegativeIntegersAreRejected(hex: String) {
        let bytes = [UInt8](hex: hex)
        bytes.withUnsafeBytes { buffer in
            var cursor = DERCursor(buffer, lenient: false)
            #expect(throws: DERError.self) {
                let element = try cursor.next()
                _ = try element.map { try cursor.unsigned($0) }
            }
        }
    }

    @Test(arguments: [(UInt8(4), "a4"), (18, "b2"), (19, "b3"), (21, "b5"), (30, "be"), (31, "bf1f"), (100, "bf64")])
    func contextTagsUseHighTagFormFrom31(number: UInt8, expected: String) {
        var out: [UInt8] = []
        DERWriter.appendHeader(.context(number, constructed: true), length: 0, to: &out)
        #expect(out.hex == expected + "00")
    }

    /// Packet sizes whose nested lengths cross 127/128, 255/256 and 65535/65536 at some level of the IPCC element.
    @Test(arguments: [
        0, 1, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 124, 125, 126, 127, 128,
        200, 240, 250, 251, 252, 253, 254, 255, 256, 65_500, 65_520, 65_525, 65_530, 65_535, 65_536, 70_000,
    ])
    func ipccLengthsAreExactAndMinimal(packetSize: Int) throws {
        let packet = (0..<packetSize).map { UInt8(truncatingIfNeeded: $0) }
        let payload = RecordBuilder.ipcc(.toTarget, packet: packet)
        #expect(payload.count == IPCCPayload.encodedLength(ipPacketLength: packetSize))
        let record = RecordBuilder.record(
            sequence: 3,
            time: Timestamp(seconds: 1_714_521_601, microseconds: 5),
            payload: payload
        )
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.length == record.count)
        #expect(summary.kind == .cc)
        #expect(summary.payloadDirection == .toTarget)
        let tree = try #require(DERTree.parseAll(record))
        let packetElement = tree.first?.children.last?.children.first?.children.first?.children.last?.children.first?
            .children.last?.children.first
        #expect(packetElement?.value == packet)
    }

    @Test(arguments: [UInt64(0), 1, 127, 128, 255, 256, 65_535, 65_536, 1 << 31, UInt64(UInt32.max)])
    func sequenceNumbersRoundTrip(sequence: UInt64) throws {
        let record = RecordBuilder.record(
            sequence: sequence,
            time: Timestamp(seconds: 0, microseconds: 0),
            payload: TRIPayload.keepAlive
        )
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.sequence == sequence)
    }

    @Test func sequenceNumbersAboveTheFieldWrap() throws {
        let record = RecordBuilder.record(
            sequence: (1 << 32) + 5,
            time: Timestamp(seconds: 0, microseconds: 0),
            payload: TRIPayload.keepAlive
        )
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.sequence == 5)
    }

    @Test(arguments: [UInt32(1), 127, 128, 65_536, UInt32(Int32.max), UInt32.max])
    func cinRoundTrips(cin: UInt32) throws {
        let record = RecordBuilder.record(
            cin: cin,
            sequence: 0,
            time: Timestamp(seconds: 1, microseconds: 999_999),
            payload: TRIPayload.keepAliveResponse
        )
        let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.cin == cin)
        #expect(summary.time == Timestamp(seconds: 1, microseconds: 999_999))
        #expect(summary.triMessage == .keepAliveResponse)
    }

    @Test func headerFieldsAreCutToTheirSizes() throws {
        let header = PSHeaderTemplate(
            profile: .openli,
            liid: String(repeating: "L", count: 30),
            authorizationCountryCode: "NZL",
            operatorIdentifier: String(repeating: "é", count: 10),
            networkElementIdentifier: "",
            deliveryCountryCode: "N*",
            interceptionPointID: "collector-01"
        )
        let record = RecordBuilder.record(
            header,
            sequence: 0,
            time: Timestamp(seconds: 1, microseconds: 0),
            payload: TRIPayload.keepAlive
        )
        let tree = try #require(DERTree.parseAll(record)?.first)
        let pSHeader = tree.children[0]
        #expect(pSHeader.children.map { $0.tag.hex } == ["80", "81", "a3", "84", "86", "a7", "88"])
        #expect(pSHeader.children[1].value.count == 25)
        let network = pSHeader.children[2].children
        #expect(network.map { $0.tag.hex } == ["a0", "81"])
        #expect(network[0].children.map { $0.value.count } == [16])
        #expect(pSHeader.children[4].value == Array("collecto".utf8))
    }
}
