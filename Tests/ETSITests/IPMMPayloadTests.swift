import ETSI
import TestSupport
import Testing

/// IPMMCC and IPMMIRI payloads against the golden vectors of Tests/Fixtures/vectors (values from their .json files), and
/// the sizes and bytes the encoders promise.
@Suite struct IPMMPayloadTests {
    static let target = IRIAddress(bytes: [192, 0, 2, 10], assignment: .dynamic)
    static let proxy = IRIAddress(bytes: [203, 0, 113, 5], assignment: .dynamic)

    @Test func ipmmccMatchesGoldenBytes() throws {
        let expected = try VectorFiles.bytes("ipmmcc-rtp.der")
        let ours = RecordBuilder.record(
            sequence: 0,
            time: Timestamp(seconds: 1_714_521_606, microseconds: 20_000),
            payload: IPMMRecords.ipmmcc(.fromTarget, frame: IPMMRecords.goldenRTP)
        )
        #expect(ours.hex == expected.hex)
    }

    @Test func ipmmiriMatchesGoldenBytes() throws {
        let expected = try VectorFiles.bytes("ipmmiri-sip-invite.der")
        let payload = IPMMIRIPayload.encode(
            profile: .current,
            type: .begin,
            sipMessage: IPMMRecords.goldenInvite,
            source: Self.target,
            destination: Self.proxy
        )
        let ours = RecordBuilder.record(
            sequence: 0,
            time: Timestamp(seconds: 1_714_521_605, microseconds: 1),
            payload: payload ?? []
        )
        #expect(ours.hex == expected.hex)
    }

    /// Sizes around every DER length-form boundary, with and without a stream identifier: the length is exact and
    /// the reserved buffer is not reallocated (``IPMMRecords/ipmmcc`` returns empty otherwise).
    @Test(arguments: [0, 1, 100, 127, 128, 255, 256, 65_535, 65_536], [nil, [UInt8](repeating: 0x61, count: 130)])
    func ccLengthIsExactAndWriteDoesNotReallocate(frameLength: Int, streamIdentifier: [UInt8]?) {
        let frame = [UInt8](repeating: 0x80, count: frameLength)
        let payload = IPMMRecords.ipmmcc(.toTarget, frame: frame, streamIdentifier: streamIdentifier)
        #expect(
            payload.count == IPMMCCPayload.encodedLength(frameLength: frameLength, streamIdentifier: streamIdentifier)
        )
        #expect(payload.first == 0xA2)
    }

    @Test func ccAppendsWithoutClearing() {
        var out: [UInt8] = [0xEE]
        IPMMRecords.goldenRTP.withUnsafeBytes {
            IPMMCCPayload.write(
                profile: .current,
                direction: .fromTarget,
                frame: $0,
                frameType: .rtpFrame,
                mmccProtocol: .rtp,
                into: &out
            )
        }
        #expect(out.first == 0xEE)
        #expect(Array(out.dropFirst()) == IPMMRecords.ipmmcc(.fromTarget, frame: IPMMRecords.goldenRTP))
    }

    @Test(arguments: [(ETSIProfile.current, UInt8(14)), (.openli, 6)])
    func objectIdentifiersFollowTheProfile(profile: ETSIProfile, version: UInt8) {
        let cc = IPMMRecords.ipmmcc(.fromTarget, frame: [1, 2, 3], profile: profile)
        let iri = IPMMRecords.ipmmiri(
            .report,
            sip: "OPTIONS",
            source: Self.target,
            destination: Self.proxy,
            profile: profile
        )
        #expect(cc.hex.contains([0x80, 0x04, 0x05, 0x05, version, 0x02].hex))
        #expect(iri.hex.contains([0x80, 0x04, 0x05, 0x05, version, 0x01].hex))
    }

    /// Every FrameType and MMCCprotocol value is sent as its ENUMERATED number, after the packet.
    @Test(arguments: IPMMCCFrameType.allCases, IPMMCCProtocol.allCases)
    func ccCarriesFrameTypeAndProtocol(frameType: IPMMCCFrameType, mmccProtocol: IPMMCCProtocol) {
        let cc = IPMMRecords.ipmmcc(.fromTarget, frame: [9, 9], frameType: frameType, mmccProtocol: mmccProtocol)
        let tail: [UInt8] = [0x81, 0x02, 9, 9, 0x82, 0x01, UInt8(frameType.rawValue), 0x84, 0x01]
        #expect(Array(cc.suffix(10)) == tail + [UInt8(mmccProtocol.rawValue)])
    }

    @Test(arguments: [[UInt8](), [1, 2, 3], [UInt8](repeating: 0, count: 17)])
    func iriRefusesAnAddressThatIsNotIPv4OrIPv6(bytes: [UInt8]) {
        let bad = IRIAddress(bytes: bytes, assignment: .notKnown)
        let message: [UInt8] = Array("BYE sip:a@b SIP/2.0\r\n\r\n".utf8)
        #expect(
            IPMMIRIPayload.encode(
                profile: .current,
                type: .end,
                sipMessage: message,
                source: bad,
                destination: Self.proxy
            ) == nil
        )
        #expect(
            IPMMIRIPayload.encode(
                profile: .current,
                type: .end,
                sipMessage: message,
                source: Self.target,
                destination: bad
            ) == nil
        )
    }

    @Test func iriAcceptsAnyCollectionOfOctets() {
        let slice = IPMMRecords.goldenInvite[0...]
        let fromSlice = IPMMIRIPayload.encode(
            profile: .openli,
            type: .continue,
            sipMessage: slice,
            source: Self.proxy,
            destination: Self.target
        )
        let fromArray = IPMMIRIPayload.encode(
            profile: .openli,
            type: .continue,
            sipMessage: IPMMRecords.goldenInvite,
            source: Self.proxy,
            destination: Self.target
        )
        #expect(fromSlice != nil)
        #expect(fromSlice == fromArray)
    }
}
