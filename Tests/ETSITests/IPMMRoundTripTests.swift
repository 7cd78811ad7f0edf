import ETSI
import TestSupport
import Testing

/// A VoIP call's records (IPv6 signalling, openli and current profiles, RTP and RTCP in both directions, every frame
/// form) through the independent decoder and the strict reader.
@Suite struct IPMMRoundTripTests {
    static let time = Timestamp(seconds: 1_714_521_600, microseconds: 120)
    static let targetV6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10]
    static let proxyV6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20]

    static let openli = PSHeaderTemplate(
        profile: .openli,
        liid: "SHR-SIP-ALICE",
        authorizationCountryCode: "NZ",
        operatorIdentifier: "testop",
        networkElementIdentifier: "testnet",
        deliveryCountryCode: "NZ",
        interceptionPointID: "col01",
        timeFormat: .generalizedTime
    )

    /// An RTCP sender report (28 octets).
    static let rtcp = [UInt8](hex: "80c80006" + "1234abcd" + "e9a0b1c2d3e4f506" + "000271a0" + "00000032" + "00001f40")

    /// A stream identifier: the SDP media line of the stream.
    static let streamIdentifier = Array("m=audio 49170 RTP/AVP 0".utf8)

    static func sip(_ startLine: String, cseq: String) -> String {
        startLine + "\r\nVia: SIP/2.0/UDP [2001:db8::10]:5060;branch=z9hG4bK1\r\nCall-ID: 1-23188@2001:db8::10\r\n"
            + "CSeq: \(cseq)\r\nContent-Length: 0\r\n\r\n"
    }

    /// The records of one call, in order, each with the kind the strict reader must report.
    static func records() -> [(record: [UInt8], kind: PSPDUSummary.Kind, direction: PayloadDirection?)] {
        let target = IRIAddress(bytes: targetV6, assignment: .static)
        let proxy = IRIAddress(bytes: proxyV6, prefixLength: 64, assignment: .notKnown)
        var records: [(record: [UInt8], kind: PSPDUSummary.Kind, direction: PayloadDirection?)] = []
        let iris: [(IRIType, String, IRIAddress, IRIAddress)] = [
            (.begin, sip("INVITE sip:bob@example.net SIP/2.0", cseq: "1 INVITE"), target, proxy),
            (.continue, sip("SIP/2.0 200 OK", cseq: "1 INVITE"), proxy, target),
            (.end, sip("BYE sip:bob@example.net SIP/2.0", cseq: "2 BYE"), target, proxy),
        ]
        for (sequence, (type, message, source, destination)) in iris.enumerated() {
            let payload = IPMMRecords.ipmmiri(
                type,
                sip: message,
                source: source,
                destination: destination,
                profile: .openli
            )
            let record = RecordBuilder.record(openli, cin: 42, sequence: UInt64(sequence), time: time, payload: payload)
            records.append((record, .iri, nil))
        }

        let rtpDatagram = CraftedCapture.udp(
            sourcePort: 16_000,
            destinationPort: 49_170,
            payload: IPMMRecords.goldenRTP
        )
        let ipv6RTP = CraftedCapture.ipv6(from: proxyV6, to: targetV6, nextHeader: 17, payload: rtpDatagram)
        let ccs: [(PayloadDirection, [UInt8])] = [
            (.fromTarget, IPMMRecords.ipmmcc(.fromTarget, frame: IPMMRecords.goldenRTP, profile: .openli)),
            (.toTarget, IPMMRecords.ipmmcc(.toTarget, frame: IPMMRecords.goldenRTP, profile: .openli)),
            (.fromTarget, IPMMRecords.ipmmcc(.fromTarget, frame: rtcp, profile: .openli)),
            (.toTarget, IPMMRecords.ipmmcc(.toTarget, frame: rtcp, profile: .openli)),
            (.toTarget, IPMMRecords.ipmmcc(.toTarget, frame: ipv6RTP, frameType: .ipFrame, profile: .openli)),
            (
                .fromTarget,
                IPMMRecords.ipmmcc(
                    .fromTarget,
                    frame: rtpDatagram,
                    frameType: .udpFrame,
                    streamIdentifier: streamIdentifier,
                    profile: .openli
                )
            ),
        ]
        for (sequence, (direction, payload)) in ccs.enumerated() {
            let record = RecordBuilder.record(openli, cin: 42, sequence: UInt64(sequence), time: time, payload: payload)
            records.append((record, .cc, direction))
        }

        let current = RecordBuilder.record(
            cin: 43,
            sequence: 0,
            time: time,
            payload: IPMMRecords.ipmmcc(
                .combined,
                frame: [UInt8](repeating: 0x7F, count: 70_000),
                frameType: .audioFrame
            )
        )
        records.append((current, .cc, .combined))
        return records
    }

    static func stream() -> [UInt8] {
        records().flatMap(\.record)
    }

    @Test func independentDecoderAcceptsTheStream() throws {
        let run = try DecoderRun.run(Self.stream(), check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("10 record(s)"), "\(run.errors)")
    }

    @Test func independentDecoderSeesOurValues() throws {
        let run = try DecoderRun.run(Self.stream(), check: false)
        #expect(run.status == 0, "\(run.errors)")
        let expected = [
            "\"li-psDomainId\": \"0.4.0.2.2.5.1.17\"", "\"iPMMIRIObjId\": \"5.5.6.1\"", "\"iPMMCCObjId\": \"5.5.6.2\"",
            "\"iPMMCCObjId\": \"5.5.14.2\"", "\"iP-type\": \"iPV6\"",
            "\"iPBinaryAddress\": \"20010db8000000000000000000000010\"",
            "\"iPv6PrefixLength\": 64", "\"iP-assignment\": \"static\"", "\"iRIType\": \"iRI-End\"",
            "\"frameType\": \"ipFrame\"", "\"frameType\": \"udpFrame\"", "\"frameType\": \"audioFrame\"",
            "\"frameType\": \"rtpFrame\"", "\"mMCCprotocol\": \"rTP\"", "\"payloadDirection\": \"toTarget\"",
            "\"payloadDirection\": \"fromTarget\"",
            "\"streamIdentifier\": \"\(Self.streamIdentifier.hex)\"",
            "\"mMCCContents\": \"\(Self.rtcp.hex)\"",
            "\"sIPContent\": \"\([UInt8](Self.sip("SIP/2.0 200 OK", cseq: "1 INVITE").utf8).hex)\"",
        ]
        for fragment in expected {
            #expect(run.output.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func strictReaderAcceptsEveryRecord() throws {
        var iriTypes: [IRIType] = []
        for (record, kind, direction) in Self.records() {
            let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: false) }
            #expect(summary.kind == kind)
            #expect(summary.payloadDirection == direction)
            #expect(summary.length == record.count)
            iriTypes += summary.iriType.map { [$0] } ?? []
        }
        #expect(iriTypes == [.begin, .continue, .end])
    }

    @Test func independentDecoderAcceptsEachRecordAlone() throws {
        let records = Self.records().map(\.record)
        #expect(try DERVerdicts.accepted(records) == records.map { _ in true })
    }
}
