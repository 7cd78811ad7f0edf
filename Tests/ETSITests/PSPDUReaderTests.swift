import ETSI
import TestSupport
import Testing

/// The reader on golden vectors, OpenLI's records, truncated and random input.
@Suite struct PSPDUReaderTests {
    static let goldenNames = [
        "ipcc", "ipiri-begin", "ipiri-end", "keepalive", "keepalive-response", "ipmmcc-rtp",
        "ipmmiri-sip-invite",
    ]

    @Test func summarizesGoldenVectors() throws {
        let ipcc = try VectorFiles.bytes("ipcc.der").withUnsafeBytes { try PSPDUReader.summarize($0) }
        var expected = PSPDUSummary(
            length: 134,
            liid: "LIID-0001",
            domainID: "0.4.0.2.2.5.1.43",
            cin: 7,
            sequence: 0,
            kind: .cc
        )
        expected.time = Timestamp(seconds: 1_714_521_601, microseconds: 250_000)
        expected.payloadDirection = .fromTarget
        #expect(ipcc == expected)

        let end = try VectorFiles.bytes("ipiri-end.der").withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(end.kind == .iri)
        #expect(end.sequence == 1)
        #expect(end.iriType == .end)
        #expect(end.accessEventType == .accessEnd)
        #expect(end.time == Timestamp(seconds: 1_714_523_400, microseconds: 7))

        let keepAlive = try VectorFiles.bytes("keepalive.der").withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(keepAlive.kind == .tri)
        #expect(keepAlive.triMessage == .keepAlive)

        let sip = try VectorFiles.bytes("ipmmiri-sip-invite.der").withUnsafeBytes { try PSPDUReader.summarize($0) }
        #expect(sip.kind == .iri)
        #expect(sip.iriType == .begin)
        #expect(sip.accessEventType == nil)
    }

    @Test func splitsAStream() throws {
        let stream = try VectorFiles.bytes("stream-ipaccess.der")
        var offset = 0
        var lengths: [Int] = []
        var sequences: [UInt64] = []
        while offset < stream.count {
            let slice = Array(stream[offset...])
            let length = try #require(try slice.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) })
            let record = Array(slice[..<length])
            sequences.append(try record.withUnsafeBytes { try PSPDUReader.summarize($0) }.sequence)
            lengths.append(length)
            offset += length
        }
        #expect(lengths == [156, 134, 176])
        #expect(sequences == [0, 0, 1])
    }

    @Test(arguments: goldenNames)
    func incompleteRecordsNeedMoreBytesAndTruncatedOnesThrow(name: String) throws {
        let bytes = try VectorFiles.bytes("\(name).der")
        for count in 0..<bytes.count {
            let prefix = Array(bytes[..<count])
            #expect(try prefix.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) } == nil)
            #expect(throws: DERError.self) {
                try prefix.withUnsafeBytes { try PSPDUReader.summarize($0) }
            }
        }
        #expect(try bytes.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) } == bytes.count)
        #expect(throws: DERError.trailingBytes) {
            try (bytes + [0x00]).withUnsafeBytes { try PSPDUReader.summarize($0) }
        }
    }

    @Test func rejectsNonMinimalInteger() throws {
        let bytes = try VectorFiles.bytes("bad-nonminimal-integer.der")
        #expect(throws: DERError.nonMinimalInteger) {
            try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) }
        }
    }

    @Test(arguments: [
        ("", nil), ("30", nil), ("3080", DERError.indefiniteLength), ("308105", DERError.nonMinimalLength),
        ("04020000", DERError.unexpectedTag(0x04)), ("3089ffffffffffffffffff", DERError.lengthOverflow),
        ("30ff", DERError.lengthOverflow), ("308200", nil),
    ])
    func recordLengthOnOddHeaders(hex: String, expectedError: DERError?) throws {
        let bytes = [UInt8](hex: hex)
        if let expectedError {
            #expect(throws: expectedError) { try bytes.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) } }
        } else {
            #expect(try bytes.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) } == nil)
        }
    }

    @Test func mutatedAndRandomInputNeverTraps() throws {
        var random = SplitMix64(seed: 0x5EED)
        var decoded = 0
        for name in Self.goldenNames {
            let bytes = try VectorFiles.bytes("\(name).der")
            for index in bytes.indices {
                for replacement: UInt8 in [0x00, 0x7F, 0x80, 0x81, 0xFF, UInt8(truncatingIfNeeded: random.next())] {
                    var mutated = bytes
                    mutated[index] = replacement
                    if (try? mutated.withUnsafeBytes { try PSPDUReader.summarize($0) }) != nil {
                        decoded += 1
                    }
                    _ = try? mutated.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) }
                }
            }
        }
        for _ in 0..<3000 {
            let count = Int(random.next() % 200)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if !bytes.isEmpty, random.next() % 2 == 0 {
                bytes[0] = 0x30
            }
            _ = try? bytes.withUnsafeBytes { try PSPDUReader.summarize($0) }
            _ = try? bytes.withUnsafeBytes { try PSPDUReader.recordLength(in: $0) }
        }
        #expect(decoded > 0)
    }

    /// Which of them the strict reader refuses is checked against record-check in ``StrictReaderTests``.
    @Test func openLIRecordsNeedLenientLengthsAndMatchTheirSummary() throws {
        let lines = String(decoding: try VectorFiles.bytes("openli/summary.txt"), as: UTF8.self)
            .split(separator: "\n")
        let names = try VectorFiles.names(in: "openli", suffix: ".der")
        #expect(names.count == lines.count)
        for (name, line) in zip(names, lines) {
            let bytes = try VectorFiles.bytes("openli/\(name)")
            let summary = try bytes.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }
            if let strict = try? bytes.withUnsafeBytes({ try PSPDUReader.summarize($0) }) {
                #expect(strict == summary)
            }
            #expect(try bytes.withUnsafeBytes { try PSPDUReader.recordLength(in: $0, lenient: true) } == bytes.count)
            #expect(Self.describe(summary) == String(line.split(separator: " ", maxSplits: 1)[1]))
        }
    }

    /// A summary in the form of one line of `openli/summary.txt` (without its record number).
    static func describe(_ summary: PSPDUSummary) -> String {
        let time = summary.time.map { time in
            let micros = String(time.microseconds)
            return "\(time.seconds)." + String(repeating: "0", count: 6 - micros.count) + micros
        }
        var text = "len=\(summary.length) kind=\(summary.kind == .cc ? "CC" : "IRI") liid=\(summary.liid)"
        text += " cin=\(summary.cin.map { String($0) } ?? "-") seq=\(summary.sequence) ts=\(time ?? "-")"
        if let type = summary.iriType {
            let names: [IRIType: String] = [
                .begin: "IRI-Begin", .end: "IRI-End", .continue: "IRI-Continue",
                .report: "IRI-Report",
            ]
            text += " iriType=\(names[type] ?? "?") event=\(summary.accessEventType.map { "\($0)" } ?? "-")"
        }
        if let direction = summary.payloadDirection {
            text += " dir=\(direction)"
        }
        return text
    }
}

/// A small deterministic generator for fuzzing (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
