import ETSI
import Testing

/// UMTS and EPS records of every kind (BEGIN, CONTINUE, END, REPORT; uplink and downlink CC; both profiles), in one
/// stream with proper sequence numbers, through the independent decoder.
@Suite struct MobileRoundTripTests {
    static let time = Timestamp(seconds: 1_714_522_800, microseconds: 250)
    static let ipv6Prefix: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0x10] + [UInt8](repeating: 0, count: 8)
    /// An IPv6 UDP packet 2001:db8::10 -> 2001:db8::20, 8 bytes of payload.
    static let ipv6Packet = [UInt8](
        hex: "6000000000101140" + "20010db8000000000000000000000010" + "20010db8000000000000000000000020"
            + "d431003500105e2a" + "0102030405060708"
    )

    static func umts(_ type: IRIType, _ contents: UMTSIRIContents, _ profile: ETSIProfile = .current) -> [UInt8] {
        UMTSIRIPayload.encode(profile: profile, type: type, contents: contents, liid: liid(profile), time: time)
    }

    static func eps(_ type: IRIType, _ contents: EPSIRIContents, _ profile: ETSIProfile = .current) -> [UInt8] {
        EPSIRIPayload.encode(profile: profile, type: type, contents: contents, liid: liid(profile), time: time)
    }

    static func liid(_ profile: ETSIProfile) -> String {
        profile == .current ? "LIID-0001" : "LIID-0002"
    }

    static func umtsRecords() -> [[UInt8]] {
        let cin = MobileRecords.umtsCIN
        var modification = MobileRecords.umtsActivation()
        modification.event = .pdpContextModification
        modification.location = MobileLocation(
            globalCellID: [UInt8](hex: "00f1101234abcd"),
            rai: [UInt8](hex: "00f110123401"),
            tai: [UInt8](hex: "00f110000100"),
            ecgi: [UInt8](hex: "00f11001234567"),  // 7 octets: eCGI is SIZE (8), so left out
            timestamp: time
        )
        modification.sgsnAddress = IRIAddress(bytes: [203, 0, 113, 30], assignment: .notKnown)
        modification.ggsnAddress = MobileRecords.ggsn
        var deactivation = MobileRecords.umtsActivation()
        deactivation.event = .pdpContextDeactivation
        deactivation.initiator = .terminatingTarget
        deactivation.location = nil
        var rejected = UMTSIRIContents(
            event: .pdpContextActivation,
            correlationNumber: 7,
            party: MobileParty(imsi: "00101012345678", apn: "internet")
        )
        rejected.operationErrorCode = [0x1B]
        rejected.party.nsapi = 5
        return [
            MobileRecords.header(.current).record(cin, 0, umts(.begin, MobileRecords.umtsActivation())),
            MobileRecords.header(.current).record(cin, 1, umts(.continue, modification)),
            MobileRecords.header(.current).record(cin, 2, umts(.end, deactivation)),
            MobileRecords.header(.current).record(cin, 0, MobileRecords.umtsCC(.current, .fromTarget, time: time)),
            MobileRecords.header(.current).record(
                cin,
                1,
                MobileRecords.umtsCC(.current, .toTarget, time: time, gtpSequence: 300, packet: ipv6Packet)
            ),
            MobileRecords.header(.current).record(7, 0, umts(.report, rejected)),
        ]
    }

    static func epsRecords() -> [[UInt8]] {
        let cin = MobileRecords.epsCIN
        var modification = MobileRecords.epsCreateSession()
        modification.event = .bearerModification
        modification.party.pdpType = .ipv4v6
        modification.party.additionalPDPAddress = IRIAddress(bytes: ipv6Prefix, prefixLength: 64, assignment: .dynamic)
        modification.gtpv2?.protocolConfigurationNetworkToUE = [UInt8](hex: "80000d04c6336435")
        modification.gtpv2?.linkedBearerIdentity = 5
        modification.gtpv2?.locationTimestamp = time
        modification.gtpv2?.bearerActivationType = nil
        var deletion = MobileRecords.epsCreateSession()
        deletion.event = .bearerDeactivation
        deletion.sgsnAddress = IRIAddress(bytes: ipv6Prefix, assignment: .notKnown)
        var deletionParameters = EPSGTPv2Parameters()
        deletionParameters.bearerIdentity = 5
        deletionParameters.bearerDeactivationType = .defaultBearer
        deletionParameters.bearerDeactivationCause = 0x08
        deletion.gtpv2 = deletionParameters
        var rejected = EPSIRIContents(event: .bearerActivation, correlationNumber: 8)
        rejected.party.msisdn = "64211234567"
        rejected.operationErrorCode = [0x5E]
        let big = [UInt8](repeating: 0x45, count: 1500)
        return [
            MobileRecords.header(.current).record(cin, 0, eps(.begin, MobileRecords.epsCreateSession())),
            MobileRecords.header(.current).record(cin, 1, eps(.continue, modification)),
            MobileRecords.header(.current).record(cin, 2, eps(.end, deletion)),
            MobileRecords.header(.current).record(cin, 0, MobileRecords.epsCC(.current, .fromTarget, time: time)),
            MobileRecords.header(.current).record(
                cin,
                1,
                MobileRecords.epsCC(.current, .toTarget, time: time, gtpSequence: 1, packet: big)
            ),
            MobileRecords.header(.current).record(8, 0, eps(.report, rejected)),
        ]
    }

    static func openliRecords() -> [[UInt8]] {
        var ipv6Session = MobileRecords.epsCreateSession()
        ipv6Session.party.pdpAddress = IRIAddress(bytes: ipv6Prefix, prefixLength: 64, assignment: .dynamic)
        ipv6Session.party.pdpType = .ipv6
        ipv6Session.gtpv2?.pdnAddressAllocation = [0x02, 64] + ipv6Prefix
        ipv6Session.gtpv2?.pdnType = 2
        let header = MobileRecords.header(.openli, liid: "LIID-0002")
        let liid = "LIID-0002"
        return [
            header.record(MobileRecords.epsCIN, 0, eps(.begin, ipv6Session, .openli)),
            header.record(
                MobileRecords.epsCIN,
                0,
                MobileRecords.epsCC(.openli, .toTarget, liid: liid, time: time, packet: ipv6Packet)
            ),
            header.record(MobileRecords.umtsCIN, 0, umts(.begin, MobileRecords.umtsActivation(), .openli)),
            header.record(MobileRecords.umtsCIN, 0, MobileRecords.umtsCC(.openli, .fromTarget, liid: liid, time: time)),
        ]
    }

    static func stream() -> [UInt8] {
        (umtsRecords() + epsRecords() + openliRecords()).flatMap { $0 }
    }

    @Test func independentDecoderAcceptsTheStream() throws {
        let run = try DecoderRun.run(Self.stream(), check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("16 record(s)"), "\(run.errors)")
    }

    @Test func independentDecoderSeesOurValues() throws {
        let run = try DecoderRun.run(Self.stream(), check: false)
        #expect(run.status == 0, "\(run.errors)")
        let expected = [
            "\"gPRSevent\": \"pDPContextModification\"", "\"gPRSevent\": \"pDPContextDeactivation\"",
            "\"ePSevent\": \"bearerModification\"", "\"ePSevent\": \"bearerDeactivation\"",
            "\"iRIType\": \"iRI-Report\"", "\"iRIType\": \"iRI-End\"", "\"iRIType\": \"iRI-Continue\"",
            "\"initiator\": \"terminating-Target\"", "\"gPRSOperationErrorCode\": \"1b\"", "\"nSAPI\": \"05\"",
            "\"gPRSCorrelationNumber\": \"3030303030303037\"", "\"ePSCorrelationNumber\": \"3030303030303038\"",
            "\"globalCellID\": \"00f1101234abcd\"", "\"rAI\": \"00f110123401\"", "\"tAI\": \"00f110000100\"",
            "\"iPv6PrefixLength\": 64", "\"pDP-type\": \"018d\"", "\"pDP-type\": \"0157\"", "\"pDNType\": \"02\"",
            "\"networkToUe\": \"80000d04c6336435\"", "\"linkedEPSBearerId\": \"05\"",
            "\"bearerDeactivationType\": \"defaultBearer\"", "\"bearerDeactivationCause\": \"08\"",
            "\"hi2epsDomainId\": \"0.4.0.2.2.4.8.17.0\"", "\"hi2DomainId\": \"0.4.0.2.2.4.1.15.5\"",
            "\"hi3DomainId\": \"0.4.0.2.2.4.9.17.0\"", "\"hi3DomainId\": \"0.4.0.2.2.4.2.7.0\"",
            "\"version\": \"lastVersion\"", "\"uMTSCC-CC-PDU\"", "\"t-PDU-direction\": \"to-target\"",
            "\"sequence-number\": 300", "\"msISDN\": \"914612214365f7\"", "\"imsi\": \"00010121436587\"",
        ]
        for fragment in expected {
            #expect(run.output.contains(fragment), "missing \(fragment)")
        }
        #expect(!run.output.contains("\"eCGI\""))
    }
}

extension PSHeaderTemplate {
    /// One record with this header (see ``RecordBuilder/record(_:cin:sequence:time:payload:)``).
    fileprivate func record(_ cin: UInt32, _ sequence: UInt64, _ payload: [UInt8]) -> [UInt8] {
        RecordBuilder.record(self, cin: cin, sequence: sequence, time: MobileRoundTripTests.time, payload: payload)
    }
}

/// The mobile records against the project's own strict reader, and the CC writers' buffer use.
@Suite struct MobileStrictReaderTests {
    @Test func strictReaderAcceptsEveryMobileRecord() throws {
        let records =
            MobileRoundTripTests.umtsRecords() + MobileRoundTripTests.epsRecords()
            + MobileRoundTripTests.openliRecords()
        for record in records {
            let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
            #expect(summary.sequence <= 2 && summary.length == record.count)
        }
    }

    @Test func ccWritersDoNotReallocateWithReservedCapacity() {
        let packet = [UInt8](repeating: 0x45, count: 1500)
        let time = Timestamp(seconds: 1_714_522_802, microseconds: 1)
        let length =
            MobileCCPayload.encodedLength(
                format: .eps,
                liid: "LIID-0001",
                correlationNumber: 7,
                sequenceNumber: 300,
                ipPacketLength: 1500
            )
            + MobileCCPayload.encodedLength(
                format: .umts,
                liid: "LIID-0001",
                correlationNumber: 7,
                sequenceNumber: 300,
                ipPacketLength: 1500
            )
        var out: [UInt8] = [0xEE]
        out.reserveCapacity(length + 1)
        let before = out.withUnsafeBufferPointer { $0.baseAddress }
        packet.withUnsafeBytes { buffer in
            MobileCCPayload.write(
                format: .eps,
                profile: .current,
                direction: .toTarget,
                liid: "LIID-0001",
                correlationNumber: 7,
                time: time,
                sequenceNumber: 300,
                ipPacket: buffer,
                into: &out
            )
            MobileCCPayload.write(
                format: .umts,
                profile: .openli,
                direction: .fromTarget,
                liid: "LIID-0001",
                correlationNumber: 7,
                time: time,
                sequenceNumber: 300,
                ipPacket: buffer,
                into: &out
            )
        }
        #expect(out.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(out.count == length + 1)
        #expect(out.first == 0xEE)
    }
}
