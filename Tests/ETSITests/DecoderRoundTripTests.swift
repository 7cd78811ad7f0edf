import ETSI
import Testing

/// Records of every kind we encode, in one stream with proper sequence numbers, through the independent decoder.
@Suite struct DecoderRoundTripTests {
    static let ipv4Packet = [UInt8](
        hex: "450000281c46400040063238c000020ac6336414c93a01bb1a2b3c4d000000005002faf0a7310000"
    )
    /// An IPv6 UDP packet 2001:db8::10 -> 2001:db8::20, 8 bytes of payload.
    static let ipv6Packet = [UInt8](
        hex: "6000000000101140" + "20010db8000000000000000000000010" + "20010db8000000000000000000000020"
            + "d431003500105e2a" + "0102030405060708"
    )

    static func fullIRI(_ event: IPIRIContents.AccessEventType) -> IPIRIContents {
        var contents = IPIRIContents(
            accessEventType: event,
            targetUsername: "user@example.net",
            internetAccessType: .xDSL,
            iPVersion: .iPV4andV6
        )
        contents.targetIPAddress = IRIAddress(bytes: [198, 51, 100, 7], prefixLength: 29, assignment: .static)
        contents.targetNetworkID = "ÄÄÄÄÄ-02:00:00:00:00:01"
        contents.pOPPortNumber = UInt32.max
        contents.startTime = Timestamp(seconds: 1_714_521_600, microseconds: 500_000)
        contents.pOPIdentifier = "bng01.example.net"
        contents.pOPIPAddress = IRIAddress(bytes: [10, 0, 0, 1], prefixLength: 32, assignment: .notKnown)
        contents.additionalIPAddress = IRIAddress(
            bytes: [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0x85, 0, 0, 0, 0, 0, 0, 0, 0],
            prefixLength: 60,
            assignment: .dynamic
        )
        return contents
    }

    static func stream() -> [UInt8] {
        let header = RecordBuilder.goldenHeader
        let openli = PSHeaderTemplate(
            profile: .openli,
            liid: "LIID0010",
            authorizationCountryCode: "NZ",
            operatorIdentifier: "testop",
            networkElementIdentifier: "testnet",
            deliveryCountryCode: "NZ",
            interceptionPointID: "col01",
            timeFormat: .generalizedTime
        )
        let time = Timestamp(seconds: 1_714_521_600, microseconds: 120)
        var stream: [UInt8] = []

        var begin = fullIRI(.accessAccept)
        begin.targetIPAddress = IRIAddress(bytes: [192, 0, 2, 10], prefixLength: 32, assignment: .dynamic)
        stream += RecordBuilder.record(
            header,
            cin: 100,
            sequence: 0,
            time: time,
            payload: IPIRIPayload.encode(profile: .current, type: .begin, contents: begin)
        )
        var interim = fullIRI(.interimUpdate)
        interim.octetsReceived = 1 << 63
        interim.octetsTransmitted = UInt64.max
        stream += RecordBuilder.record(
            header,
            cin: 100,
            sequence: 1,
            time: time,
            payload: IPIRIPayload.encode(profile: .current, type: .continue, contents: interim)
        )
        var end = fullIRI(.accessEnd)
        end.iPVersion = .iPV6
        end.targetIPAddress = IRIAddress(bytes: [UInt8](repeating: 0x20, count: 16), assignment: .dynamic)
        end.endTime = Timestamp(seconds: 1_714_525_200, microseconds: 123_450)
        end.endReason = .connectionTimeout
        end.octetsReceived = 0
        end.octetsTransmitted = 128
        stream += RecordBuilder.record(
            header,
            cin: 100,
            sequence: 2,
            time: time,
            payload: IPIRIPayload.encode(profile: .current, type: .end, contents: end)
        )

        stream += RecordBuilder.record(
            header,
            cin: 100,
            sequence: 0,
            time: time,
            payload: RecordBuilder.ipcc(.fromTarget, packet: ipv4Packet)
        )
        stream += RecordBuilder.record(
            header,
            cin: 100,
            sequence: 1,
            time: time,
            payload: RecordBuilder.ipcc(.toTarget, packet: ipv6Packet)
        )
        for (index, size) in [127, 128, 255, 256, 65_535, 65_536].enumerated() {
            stream += RecordBuilder.record(
                header,
                cin: 100,
                sequence: UInt64(index + 2),
                time: time,
                payload: RecordBuilder.ipcc(.combined, packet: [UInt8](repeating: 0x45, count: size))
            )
        }

        let attempt = IPIRIContents(
            accessEventType: .accessAttempt,
            targetUsername: "user0002",
            internetAccessType: .fTTx,
            iPVersion: .iPV4
        )
        stream += RecordBuilder.record(
            openli,
            cin: UInt32.max,
            sequence: 0,
            time: time,
            payload: IPIRIPayload.encode(profile: .openli, type: .report, contents: attempt)
        )
        stream += RecordBuilder.record(
            openli,
            cin: UInt32.max,
            sequence: 0,
            time: Timestamp(seconds: 1, microseconds: 0),
            payload: RecordBuilder.ipcc(.toTarget, packet: ipv4Packet, profile: .openli)
        )
        stream += RecordBuilder.record(openli, cin: 1, sequence: 0, time: time, payload: TRIPayload.keepAlive)
        stream += RecordBuilder.record(header, cin: 7, sequence: 0, time: time, payload: TRIPayload.keepAliveResponse)
        return stream
    }

    @Test func independentDecoderAcceptsTheStream() throws {
        let run = try DecoderRun.run(Self.stream(), check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("15 record(s)"), "\(run.errors)")
    }

    @Test func independentDecoderSeesOurValues() throws {
        let run = try DecoderRun.run(Self.stream(), check: false)
        #expect(run.status == 0, "\(run.errors)")
        let expected = [
            "\"octetsReceived\": 9223372036854775808", "\"octetsTransmitted\": 18446744073709551615",
            "\"endTime\": \"2024-05-01T01:00:00.123450+00:00\"", "\"startTime\": \"2024-05-01T00:00:00.500000+00:00\"",
            "\"iPv6PrefixLength\": 60", "\"iPv6PrefixLength\": 128", "\"iPv4SubnetMask\": \"fffffff8\"",
            #""targetNetworkID": "\u00c4\u00c4\u00c4\u00c4\u00c4-02:00:00:""#, "\"pOPPortNumber\": 4294967295",
            "\"pOPIdentifier\": {\"printableIDType\": \"bng01.example.net\"}", "\"iPVersion\": \"iPV4andV6\"",
            "\"li-psDomainId\": \"0.4.0.2.2.5.1.17\"", "\"iPIRIObjId\": \"5.3.10.1\"", "\"iPCCObjId\": \"5.3.10.2\"",
            "\"timeStamp\": \"1970-01-01T00:00:01+00:00\"", "\"interceptionPointID\": \"col01\"",
            "\"communicationIdentityNumber\": 4294967295", "\"payloadDirection\": \"combined\"",
            "\"keep-aliveResponse\": null", "\"endReason\": \"connectionTimeout\"",
        ]
        for fragment in expected {
            #expect(run.output.contains(fragment), "missing \(fragment)")
        }
    }
}
