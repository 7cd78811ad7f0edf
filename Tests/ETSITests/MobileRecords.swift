import ETSI

/// The values of the UMTS and EPS golden vectors (Tests/Fixtures/vectors/{umts,eps}-*.json), and records built from
/// them through the public API.
enum MobileRecords {
    /// The UMTS vector's CIN (control TEID 0x1a2b3c4d mod 2^31).
    static let umtsCIN: UInt32 = 439_041_101
    /// The EPS vectors' CIN (control TEID 0x2b3c4d5e mod 2^31).
    static let epsCIN: UInt32 = 725_372_254

    /// The target: 192.0.2.10, dynamic.
    static let targetAddress = IRIAddress(bytes: [192, 0, 2, 10], assignment: .dynamic)
    /// The GGSN: 203.0.113.10.
    static let ggsn = IRIAddress(bytes: [203, 0, 113, 10], assignment: .notKnown)
    /// The PGW: 203.0.113.20.
    static let pgw = IRIAddress(bytes: [203, 0, 113, 20], assignment: .notKnown)

    /// The uplink DNS query of eps-cc (192.0.2.10:40000 -> 198.51.100.53:53, A example.net).
    static let dnsQuery = [UInt8](
        hex: "450000392a2a400040112417c000020ac63364359c40003500256ef9424201000001000000000000076578616d706c65"
            + "036e65740000010001"
    )

    /// The party of both IRI vectors.
    static let party = MobileParty(
        imsi: "001010123456789",
        msisdn: "+64211234567",
        imei: "490154203237518",
        pdpAddress: targetAddress,
        apn: "internet",
        pdpType: .ipv4
    )

    /// The UMTS vector's contents (pDPContextActivation).
    static func umtsActivation() -> UMTSIRIContents {
        var contents = UMTSIRIContents(event: .pdpContextActivation, correlationNumber: umtsCIN, party: party)
        contents.initiator = .originatingTarget
        contents.location = MobileLocation(
            sai: [UInt8](hex: "00f11012345678"),
            timestamp: Timestamp(seconds: 1_714_522_500, microseconds: 0)
        )
        contents.operatorIdentifier = "wand"
        contents.networkElementAddress = ggsn
        return contents
    }

    /// The EPS vector's GTPv2 elements.
    static func createSessionParameters() -> EPSGTPv2Parameters {
        var gtpv2 = EPSGTPv2Parameters()
        gtpv2.pdnAddressAllocation = [UInt8](hex: "01c000020a")
        gtpv2.apn = "internet"
        gtpv2.protocolConfigurationUEToNetwork = [UInt8](hex: "80000d00")
        gtpv2.bearerIdentity = 5
        gtpv2.ratType = 6
        gtpv2.bearerQoS = [0x24, 0x09] + [UInt8](repeating: 0, count: 20)
        gtpv2.bearerActivationType = .defaultBearer
        gtpv2.apnAMBR = [UInt8](hex: "0000c350000186a0")
        gtpv2.userLocationInfo = [UInt8](hex: "1800f110000100f11001234567")
        gtpv2.pdnType = 1
        return gtpv2
    }

    /// The EPS vector's contents (bearerActivation).
    static func epsCreateSession() -> EPSIRIContents {
        var contents = EPSIRIContents(
            event: .bearerActivation,
            correlationNumber: epsCIN,
            party: party,
            gtpv2: createSessionParameters()
        )
        contents.initiator = .originatingTarget
        contents.ggsnAddress = pgw
        contents.operatorIdentifier = "wand"
        contents.networkElementAddress = pgw
        return contents
    }

    /// The PSHeader of the vectors in `profile`.
    static func header(_ profile: ETSIProfile, liid: String = "LIID-0001") -> PSHeaderTemplate {
        PSHeaderTemplate(
            profile: profile,
            liid: liid,
            authorizationCountryCode: "NZ",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            deliveryCountryCode: "NZ"
        )
    }

    /// The payload element of an EPS CC.
    static func epsCC(
        _ profile: ETSIProfile,
        _ direction: PayloadDirection,
        liid: String = "LIID-0001",
        cin: UInt32 = epsCIN,
        time: Timestamp,
        gtpSequence: UInt16 = 0,
        packet: [UInt8] = dnsQuery
    ) -> [UInt8] {
        var out: [UInt8] = []
        let length = MobileCCPayload.encodedLength(
            format: .eps,
            liid: liid,
            correlationNumber: cin,
            sequenceNumber: gtpSequence,
            ipPacketLength: packet.count
        )
        out.reserveCapacity(length)
        packet.withUnsafeBytes { buffer in
            MobileCCPayload.write(
                format: .eps,
                profile: profile,
                direction: direction,
                liid: liid,
                correlationNumber: cin,
                time: time,
                sequenceNumber: gtpSequence,
                ipPacket: buffer,
                into: &out
            )
        }
        return out.count == length ? out : []
    }

    /// The payload element of a UMTS CC.
    static func umtsCC(
        _ profile: ETSIProfile,
        _ direction: PayloadDirection,
        liid: String = "LIID-0001",
        cin: UInt32 = umtsCIN,
        time: Timestamp,
        gtpSequence: UInt16 = 0,
        packet: [UInt8] = dnsQuery
    ) -> [UInt8] {
        var out: [UInt8] = []
        let length = MobileCCPayload.encodedLength(
            format: .umts,
            liid: liid,
            correlationNumber: cin,
            sequenceNumber: gtpSequence,
            ipPacketLength: packet.count
        )
        out.reserveCapacity(length)
        packet.withUnsafeBytes { buffer in
            MobileCCPayload.write(
                format: .umts,
                profile: profile,
                direction: direction,
                liid: liid,
                correlationNumber: cin,
                time: time,
                sequenceNumber: gtpSequence,
                ipPacket: buffer,
                into: &out
            )
        }
        return out.count == length ? out : []
    }
}

extension Array where Element == UInt8 {
    /// Whether `part` occurs in the bytes.
    func contains(bytes part: [UInt8]) -> Bool {
        guard !part.isEmpty, part.count <= count else {
            return part.isEmpty
        }
        return (0...(count - part.count)).contains { start in self[start..<(start + part.count)].elementsEqual(part) }
    }
}
