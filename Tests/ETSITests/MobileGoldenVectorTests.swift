import ETSI
import TestSupport
import Testing

/// UMTS and EPS IRIs and EPS CCs against the golden vectors of Tests/Fixtures/vectors (values from their .json files,
/// see ``MobileRecords``), in both OID profiles, and the encoders' edge cases byte by byte.
@Suite struct MobileGoldenVectorTests {
    /// The record of golden vector `name` (without the profile suffix), built through the public API.
    static func goldenRecord(_ name: String, _ profile: ETSIProfile) -> [UInt8] {
        let header = MobileRecords.header(profile)
        switch name {
        case "umts-iri-pdp-activation":
            let time = Timestamp(seconds: 1_714_522_500, microseconds: 0)
            let payload = UMTSIRIPayload.encode(
                profile: profile,
                type: .begin,
                contents: MobileRecords.umtsActivation(),
                liid: "LIID-0001",
                time: time
            )
            return RecordBuilder.record(
                header,
                cin: MobileRecords.umtsCIN,
                sequence: 0,
                time: Timestamp(seconds: 1_714_522_500, microseconds: 123_456),
                payload: payload
            )
        case "eps-iri-create-session":
            let payload = EPSIRIPayload.encode(
                profile: profile,
                type: .begin,
                contents: MobileRecords.epsCreateSession(),
                liid: "LIID-0001",
                time: Timestamp(seconds: 1_714_522_800, microseconds: 0)
            )
            return RecordBuilder.record(
                header,
                cin: MobileRecords.epsCIN,
                sequence: 0,
                time: Timestamp(seconds: 1_714_522_800, microseconds: 654_321),
                payload: payload
            )
        default:
            let time = Timestamp(seconds: 1_714_522_802, microseconds: 500_000)
            return RecordBuilder.record(
                header,
                cin: MobileRecords.epsCIN,
                sequence: 0,
                time: time,
                payload: MobileRecords.epsCC(profile, .fromTarget, time: time)
            )
        }
    }

    static let vectorNames = ["umts-iri-pdp-activation", "eps-iri-create-session", "eps-cc"]

    @Test(arguments: vectorNames, [ETSIProfile.current, .openli])
    func matchesGoldenBytes(name: String, profile: ETSIProfile) throws {
        let suffix = profile == .openli ? "-openli-profile" : ""
        let expected = try VectorFiles.bytes("\(name)\(suffix).der")
        #expect(Self.goldenRecord(name, profile).hex == expected.hex)
    }

    @Test(arguments: [ETSIProfile.current, .openli])
    func goldenRecordsPassTheIndependentChecker(profile: ETSIProfile) throws {
        let stream = Self.vectorNames.flatMap { Self.goldenRecord($0, profile) }
        let run = try DecoderRun.run(stream, check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("3 record(s)"), "\(run.errors)")
    }

    static func umtsPayload(_ contents: UMTSIRIContents, type: IRIType = .begin) -> [UInt8] {
        UMTSIRIPayload.encode(
            profile: .current,
            type: type,
            contents: contents,
            liid: "LIID-0001",
            time: Timestamp(seconds: 1_714_522_500, microseconds: 0)
        )
    }

    @Test func identitiesInTBCDWithOddAndEvenDigitCounts() {
        let party = MobileParty(imsi: "00101012345678", msisdn: "6421123456", imei: "4901542032375186")
        let payload = Self.umtsPayload(
            UMTSIRIContents(event: .pdpContextActivation, correlationNumber: 1, party: party)
        )
        // IMEISV (16 digits), IMSI (14) and MSISDN (10) need no filler; the MSISDN gets its AddressString octet 91.
        let identity = "a11b" + "81089410450223731568" + "830700010121436587" + "8606914612214365"
        #expect(payload.contains(bytes: [UInt8](hex: identity)))
        // Odd counts end in the filler F.
        let odd = MobileParty(imsi: "00101012345", msisdn: "+642112345")
        let oddPayload = Self.umtsPayload(
            UMTSIRIContents(event: .pdpContextActivation, correlationNumber: 1, party: odd)
        )
        #expect(oddPayload.contains(bytes: [UInt8](hex: "a110" + "83060001012143f5" + "86069146122143f5")))
    }

    @Test func missingOrUnencodableIdentitiesAreLeftOut() {
        var party = MobileRecords.party
        party.msisdn = nil
        party.imei = "49015420323751"  // 14 digits: 7 octets, but imei is SIZE (8)
        let payload = Self.umtsPayload(
            UMTSIRIContents(event: .pdpContextActivation, correlationNumber: 1, party: party)
        )
        #expect(payload.contains(bytes: [UInt8](hex: "a10a830800010121436587f9")))
        party.imsi = "0010101234567a"
        party.imei = nil
        party.pdpAddress = nil
        party.apn = nil
        party.pdpType = nil
        let empty = Self.umtsPayload(UMTSIRIContents(event: .pdpContextActivation, correlationNumber: 1, party: party))
        #expect(!empty.contains(bytes: [0xA9]))
    }

    @Test func ipv6PDPAddressAndMultiLabelAPN() {
        let address: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0x10] + [UInt8](repeating: 0, count: 8)
        let party = MobileParty(
            imsi: "001010123456789",
            pdpAddress: IRIAddress(bytes: address, prefixLength: 64, assignment: .dynamic),
            apn: "ims.mnc001.mcc001.gprs.",
            pdpType: .ipv6
        )
        let payload = Self.umtsPayload(
            UMTSIRIContents(event: .pdpContextActivation, correlationNumber: 1, party: party)
        )
        let ipAddress = "a11fa11d8101" + "01a2128110" + address.hex + "830102840140"
        let apn = "8217" + "03696d73" + "066d6e63303031" + "066d6363303031" + "0467707273"
        #expect(payload.contains(bytes: [UInt8](hex: ipAddress + apn + "83020157")))
    }

    @Test func correlationNumberHasAtLeastEightDigits() {
        let contents = UMTSIRIContents(event: .pdpContextDeactivation, correlationNumber: 7, party: MobileRecords.party)
        let iri = Self.umtsPayload(contents, type: .end)
        #expect(iri.contains(bytes: [UInt8](hex: "9208" + "3030303030303037" + "940104")))
        #expect(iri.contains(bytes: [0x80, 0x01, 0x02, 0xA2]))
        let largest = Self.umtsPayload(UMTSIRIContents(event: .gprsDetach, correlationNumber: UInt32.max))
        #expect(largest.contains(bytes: [UInt8](hex: "920a" + "34323934393637323935" + "940106")))
        let cc = MobileRecords.umtsCC(.current, .toTarget, cin: 7, time: Timestamp(seconds: 0, microseconds: 0))
        #expect(cc.contains(bytes: [UInt8](hex: "8308" + "3030303030303037")))
    }

    @Test func rejectedActivationIsAReportWithItsCause() {
        var contents = MobileRecords.epsCreateSession()
        contents.operationErrorCode = [0x5E]
        var gtpv2 = EPSGTPv2Parameters()
        gtpv2.failedBearerActivationReason = 0x5E
        contents.gtpv2 = gtpv2
        contents.operatorIdentifier = "testop"
        let payload = EPSIRIPayload.encode(
            profile: .openli,
            type: .report,
            contents: contents,
            liid: "LIID-0001",
            time: Timestamp(seconds: 1_714_522_800, microseconds: 0)
        )
        #expect(payload.contains(bytes: [0x80, 0x01, 0x04, 0xA2]))
        #expect(payload.contains(bytes: [UInt8](hex: "8008" + "0400020204081100")))
        #expect(payload.contains(bytes: [UInt8](hex: "940112" + "96015e")))
        #expect(payload.contains(bytes: [UInt8](hex: "ba19" + "800574657374")))  // operator-Identifier cut to 5
        #expect(payload.contains(bytes: [UInt8](hex: "bf2403" + "88015e")))
    }

    @Test func umtsCCCarriesTheVersionAndTheDirections() {
        let time = Timestamp(seconds: 1_714_522_802, microseconds: 500_000)
        let up = MobileRecords.umtsCC(.openli, .fromTarget, time: time, gtpSequence: 65_535)
        let header =
            "b079" + "a13c" + "8008" + "0400020204020700" + "810108" + "8209" + Array("LIID-0001".utf8).hex
            + "8309" + Array("439041101".utf8).hex + "a40f810d" + Array("240501002002Z".utf8).hex + "850300ffff"
            + "860101" + "8239"
        #expect(up.contains(bytes: [UInt8](hex: header + MobileRecords.dnsQuery.hex)))
        #expect(up.contains(bytes: [0x80, 0x01, 0x00, 0xA2]))
        let down = MobileRecords.umtsCC(.current, .toTarget, time: time)
        #expect(down.contains(bytes: [0x80, 0x01, 0x01, 0xA2]))
        #expect(down.contains(bytes: [UInt8](hex: "850100" + "860102")))
        let unknown = MobileRecords.epsCC(.current, .indeterminate, time: time)
        #expect(unknown.contains(bytes: [UInt8](hex: "850100" + "860103")))
    }
}
