import ETSI
import Foundation
import TestSupport
import Testing

/// The strict reader refuses what `record-check check` refuses: fixed cases, every length made non-minimal, and
/// single-octet mutations of every record kind we send, judged by record-check itself.
@Suite struct StrictReaderTests {
    static let time = Timestamp(seconds: 1_714_521_600, microseconds: 120)

    /// Golden vectors of kinds we do not send yet: the strict reader checks only their structure.
    static func unmodelledRecords() throws -> [[UInt8]] {
        try ["ipmmcc-rtp", "ipmmiri-sip-invite"].map { try VectorFiles.bytes("\($0).der") }
    }

    /// One record of every kind we send: golden vectors and our own encodings.
    static func records() throws -> [[UInt8]] {
        var records = try ["ipcc", "ipiri-begin", "ipiri-end", "keepalive"].map {
            try VectorFiles.bytes("\($0).der")
        }
        let hi1 = HI1Payload.encode(
            operation: .deactivated,
            liid: "LIID-0001",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            time: time,
            targetInformation: "user alice"
        )
        records.append(RecordBuilder.record(cin: 0, sequence: 0, time: time, payload: hi1))
        records.append(RecordBuilder.record(cin: 9, sequence: 0, time: time, payload: TRIPayload.cinReset))
        let stream = DecoderRoundTripTests.stream()
        var offset = 0
        while offset < stream.count, records.count < 10 {
            let rest = Array(stream[offset...])
            guard let length = try rest.withUnsafeBytes({ try PSPDUReader.recordLength(in: $0) }) else {
                break
            }
            if length < 400 {
                records.append(Array(rest[..<length]))
            }
            offset += length
        }
        return records
    }

    static func strictlyAccepted(_ record: [UInt8]) -> Bool {
        (try? record.withUnsafeBytes { try PSPDUReader.summarize($0) }) != nil
    }

    @Test func nonMinimalIntegerVectorIsRefused() throws {
        let bytes = try VectorFiles.bytes("bad-nonminimal-integer.der")
        #expect(throws: DERError.nonMinimalInteger) { try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) } }
        #expect(try DERVerdicts.accepted([bytes]) == [false])
    }

    @Test func everyRecordWeSendIsAcceptedByBoth() throws {
        let records = try Self.records() + Self.unmodelledRecords()
        #expect(try DERVerdicts.accepted(records) == records.map { _ in true })
        for record in records {
            #expect(Self.strictlyAccepted(record))
        }
    }

    /// Every length octet of every element, rewritten in a long form one octet longer: lenient reads it, strict
    /// and record-check do not.
    @Test func everyNonMinimalLengthIsRefused() throws {
        var mutated: [[UInt8]] = []
        for record in try Self.records() + Self.unmodelledRecords() {
            for start in Self.elementStarts(record) {
                var bytes = record
                let lengthIndex = start + 1
                let first = bytes[lengthIndex]
                if first < 0x80 {
                    bytes.replaceSubrange(lengthIndex...lengthIndex, with: [0x81, first])
                } else {
                    bytes.replaceSubrange(lengthIndex...lengthIndex, with: [first + 1, 0x00])
                }
                if Self.growParents(of: start, in: &bytes, original: record) {
                    mutated.append(bytes)
                }
            }
        }
        #expect(mutated.count > 200)
        let verdicts = try DERVerdicts.accepted(mutated)
        for (bytes, accepted) in zip(mutated, verdicts) {
            #expect(!accepted)
            #expect(throws: DERError.nonMinimalLength) { try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) } }
            #expect((try? bytes.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }) != nil)
        }
    }

    /// Single-octet mutations of every record: whatever record-check refuses, the strict reader refuses too; what it
    /// accepts, the strict reader accepts unless a value is out of its field's range (a negative or too large
    /// sequence number, CIN or time), which record-check does not check.
    @Test func mutationsAreJudgedLikeEtsiDecode() throws {
        var mutated: [[UInt8]] = []
        var origins: [(record: Int, index: Int)] = []
        for (number, record) in try Self.records().enumerated() {
            for index in record.indices {
                var replacements: [UInt8] = [0x00, 0x01, 0x30, 0x7F, 0x80, 0x81, 0xFF]
                if record[index] > 0 {
                    replacements.append(record[index] - 1)
                }
                for replacement in replacements where replacement != record[index] {
                    var bytes = record
                    bytes[index] = replacement
                    mutated.append(bytes)
                    origins.append((number, index))
                }
            }
        }
        let verdicts = try DERVerdicts.accepted(mutated)
        var disagreements: [String] = []
        var outOfRange = 0
        for ((bytes, accepted), origin) in zip(zip(mutated, verdicts), origins) {
            let place = "record \(origin.record) octet \(origin.index) -> \(bytes[origin.index])"
            do {
                _ = try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) }
                if !accepted {
                    disagreements.append("record-check refuses \(place)")
                }
            } catch {
                let derError = error as? DERError
                if accepted, derError == .negativeInteger || derError == .integerOverflow {
                    outOfRange += 1
                } else if accepted {
                    disagreements.append("record-check accepts \(place), we say \(error)")
                }
            }
        }
        #expect(outOfRange < mutated.count / 50)
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(mutated.count): \(disagreements)")
    }

    /// OpenLI's records: strict agrees with record-check's DER verdict (its missing iPVersion and long-form lengths).
    @Test func openLIRecordsAreJudgedLikeEtsiDecode() throws {
        let names = try VectorFiles.names(in: "openli", suffix: ".der")
        let records = try names.map { try VectorFiles.bytes("openli/\($0)") }
        let verdicts = try DERVerdicts.accepted(records)
        #expect(verdicts.contains(true) && verdicts.contains(false))
        for (name, (record, accepted)) in zip(names, zip(records, verdicts)) {
            #expect(Self.strictlyAccepted(record) == accepted, "\(name)")
        }
    }

    /// Hand-made violations of the keep-alive golden vector (`from` replaced by `to`, lengths adjusted by hand).
    @Test(arguments: [
        ("880101a204", "880105a204", DERError.unknownEnumerated(5)),
        ("a2028300", "a2028e00", DERError.unexpectedTag(0x8E)),
        ("a2028300", "a202a300", DERError.unexpectedForm(0xA3)),
        ("880101a204", "8b0101a204", DERError.unexpectedTag(0x8B)),
        ("81094c4949442d3030303182024e5a", "82024e5a81094c4949442d30303031", DERError.missingElement(0x81)),
        ("81010782024e5a", "82024e5a810107", DERError.outOfOrder(0x81)),
        ("3048a140", "304aa140", DERError.truncated),
        ("a204a2028300", "a206a20283008300", DERError.trailingBytes),
    ])
    func fixedViolationsAreNamed(from: String, to: String, error: DERError) throws {
        let golden = try VectorFiles.bytes("keepalive.der").hex
        #expect(golden.contains(from))
        let bytes = [UInt8](hex: golden.replacingOccurrences(of: from, with: to))
        #expect(throws: error) { try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) } }
        #expect(try DERVerdicts.accepted([bytes]) == [false])
    }

    /// Violations the fixed header cases cannot show: two TRI alternatives, a NULL with content, a day that does not
    /// exist in a UTCTime.
    @Test func choiceNullAndTimeViolationsAreNamed() throws {
        let golden = try VectorFiles.bytes("keepalive.der").hex
        let twoAlternatives = [UInt8](
            hex: golden.replacingOccurrences(of: "3048a140", with: "304aa140")
                .replacingOccurrences(of: "a204a2028300", with: "a206a20283008300")
        )
        let nullContent = [UInt8](
            hex: golden.replacingOccurrences(of: "3048a140", with: "3049a140")
                .replacingOccurrences(of: "a204a2028300", with: "a205a203830100")
        )
        let hi1 = HI1Payload.encode(
            operation: .activated,
            liid: "LIID-0001",
            operatorIdentifier: "wand",
            networkElementIdentifier: "col1",
            time: Timestamp(seconds: 1_708_992_000, microseconds: 0),
            targetInformation: nil
        )
        let record = RecordBuilder.record(cin: 0, sequence: 0, time: Self.time, payload: hi1).hex
        #expect(record.contains("3234303232373030303030305a"))
        let badDay = [UInt8](hex: record.replacingOccurrences(of: "3234303232373030", with: "3234303233303030"))
        let cases: [([UInt8], DERError)] = [
            (twoAlternatives, .extraElement(0xA2)), (nullContent, .invalidNull), (badDay, .invalidTime),
        ]
        for (bytes, error) in cases {
            #expect(throws: error) { try bytes.withUnsafeBytes { try PSPDUReader.summarize($0) } }
            #expect((try? bytes.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }) != nil)
        }
        #expect(try DERVerdicts.accepted(cases.map(\.0)) == [false, false, false])
    }

    /// The offsets of every element header in `record` (walking constructed elements).
    static func elementStarts(_ record: [UInt8]) -> [Int] {
        var starts: [Int] = []
        func walk(_ start: Int, _ end: Int) {
            var position = start
            while position < end {
                starts.append(position)
                let identifier = record[position]
                var index = position + 1
                var length = Int(record[index])
                index += 1
                if length >= 0x80 {
                    let count = length & 0x7F
                    length = 0
                    for _ in 0..<count {
                        length = length << 8 | Int(record[index])
                        index += 1
                    }
                }
                if identifier & 0x20 != 0 {
                    walk(index, index + length)
                }
                position = index + length
            }
        }
        walk(0, record.count)
        return starts
    }

    /// Adds one to the length of every element of `original` that encloses the element at `start`, in `bytes` (the
    /// same layout with one more octet at `start + 1`); false when a short-form length would need the long form.
    static func growParents(of start: Int, in bytes: inout [UInt8], original: [UInt8]) -> Bool {
        for parent in elementStarts(original) where parent < start {
            let identifier = original[parent]
            guard identifier & 0x20 != 0 else {
                continue
            }
            let first = original[parent + 1]
            let count = first >= 0x80 ? Int(first & 0x7F) : 0
            var length = count == 0 ? Int(first) : 0
            for offset in 0..<count {
                length = length << 8 | Int(original[parent + 2 + offset])
            }
            let valueStart = parent + 2 + count
            guard start >= valueStart, start < valueStart + length else {
                continue
            }
            let grown = length + 1
            guard grown < 1 << (8 * max(count, 1)) else {
                return false
            }
            if count == 0 {
                guard grown < 0x80 else {
                    return false
                }
                bytes[parent + 1] = UInt8(grown)
            } else {
                for offset in 0..<count {
                    bytes[parent + 2 + offset] = UInt8(truncatingIfNeeded: grown >> (8 * (count - 1 - offset)))
                }
            }
        }
        return true
    }
}
