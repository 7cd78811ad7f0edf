import ETSI
import Testing

/// HI1 notifications in PS-PDUs: exact bytes, the independent decoder's view, and our reader's summary.
@Suite struct HI1PayloadTests {
    static let time = Timestamp(seconds: 1_714_521_600, microseconds: 999_999)

    static func record(
        _ operation: HI1Payload.Operation,
        sequence: UInt64 = 0,
        operatorIdentifier: String = "wand",
        networkElementIdentifier: String = "col1",
        target: String? = "user alice"
    ) -> [UInt8] {
        let payload = HI1Payload.encode(
            operation: operation,
            liid: "LIID-0001",
            operatorIdentifier: operatorIdentifier,
            networkElementIdentifier: networkElementIdentifier,
            time: time,
            targetInformation: target
        )
        return RecordBuilder.record(cin: 0, sequence: sequence, time: time, payload: payload)
    }

    @Test func payloadBytesFollowTheModules() {
        let payload = HI1Payload.encode(
            operation: .activated,
            liid: "LIID-0001",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            time: Self.time,
            targetInformation: "user alice"
        )
        let expected =
            "a23e" + "a33c" + "a13a" + "81094c4949442d30303031" + "a210" + "a10e" + "800477616e64" + "a106"
            + "8404636f6c31" + "a30f" + "810d3234303530313030303030305a" + "860a7573657220616c696365"
        #expect(payload.hex == expected)
    }

    @Test(arguments: HI1Payload.Operation.allCases)
    func independentDecoderAcceptsEachOperation(operation: HI1Payload.Operation) throws {
        let run = try DecoderRun.run(Self.record(operation), check: true)
        #expect(run.status == 0, "\(run.errors)")
        let names: [HI1Payload.Operation: String] = [
            .activated: "liActivated", .deactivated: "liDeactivated", .modified: "liModified",
        ]
        let expected = [
            "\"hI1-Operation\": {\"\(names[operation] ?? "?")\"",
            "\"lawfulInterceptionIdentifier\": \"4c4949442d30303031\"",
            "\"operator-Identifier\": \"77616e64\"", "\"dNS-Format\": \"636f6c31\"",
            "\"utcTime\": \"2024-05-01T00:00:00", "\"target-Information\": \"7573657220616c696365\"",
            "\"communicationIdentityNumber\": 0",
        ]
        for fragment in expected {
            #expect(run.output.contains(fragment), "missing \(fragment) in \(run.output)")
        }
        let summary = try Self.record(operation).withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(summary.kind == .hi1(operation))
        #expect(summary.cin == 0)
        #expect(summary.liid == "LIID-0001")
    }

    /// Optional parts left out, long values cut to their sizes, times at both ends of UTCTime's range, on a stream
    /// with a per-connection counter.
    @Test func optionalPartsAndLimitsDecode() throws {
        let cases: [(String, String, String?, Timestamp)] = [
            ("", "col1", nil, Timestamp(seconds: -5, microseconds: 0)),
            ("operator-too-long", "", "", Timestamp(seconds: 4_102_444_800, microseconds: 0)),
            ("op", String(repeating: "n", count: 40), String(repeating: "t", count: 300), Self.time),
            ("ÄÄÄ", "ü-element", "Ünïcode", Timestamp(seconds: 951_782_400, microseconds: 1)),
        ]
        var stream: [UInt8] = []
        for (index, (operatorIdentifier, element, target, time)) in cases.enumerated() {
            let payload = HI1Payload.encode(
                operation: .modified,
                liid: String(repeating: "L", count: 30),
                operatorIdentifier: operatorIdentifier,
                networkElementIdentifier: element,
                time: time,
                targetInformation: target
            )
            let record = RecordBuilder.record(cin: 0, sequence: UInt64(index), time: time, payload: payload)
            #expect(try record.withUnsafeBytes { try PSPDUReader.summarize($0) }.kind == .hi1(.modified))
            stream += record
        }
        let run = try DecoderRun.run(stream, check: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("4 record(s)"), "\(run.errors)")
        let expected = [
            "\"utcTime\": \"1970-01-01T00:00:00", "\"utcTime\": \"2049-12-31T23:59:59",
            "\"utcTime\": \"2000-02-29T00:00:00", "\"operator-Identifier\": \"6f70657261\"",
            "\"lawfulInterceptionIdentifier\": \"" + String(repeating: "4c", count: 25) + "\"",
            "\"target-Information\": \"" + String(repeating: "74", count: 256) + "\"",
            "\"dNS-Format\": \"" + String(repeating: "6e", count: 25) + "\"", "\"operator-Identifier\": \"c384c384\"",
        ]
        for fragment in expected {
            #expect(run.output.contains(fragment), "missing \(fragment)")
        }
        #expect(!run.output.contains("\"dNS-Format\": \"\""))
    }
}
