import ETSI
import TestSupport
import Testing

/// Rebuilds OpenLI 1.1.20's delivered records (Tests/Fixtures/vectors/openli) from their values with the `openli` profile
/// and compares element by element. Known, intended differences:
/// - OpenLI writes some lengths in a non-minimal long form (`82 00 a3`); we write DER. The trees hide this.
/// - OpenLI writes GeneralizedTime fractions with three digits (`21.040Z`); DER drops trailing zeros (`21.04Z`).
/// - OpenLI's accessAttempt REPORTs leave out the mandatory iPVersion; ours carry it.
@Suite struct OpenLIComparisonTests {
    /// One of OpenLI's IRI records, by the values its decoding shows.
    struct IRICase: Sendable, CustomTestStringConvertible {
        var file: String
        var type: IRIType
        var event: IPIRIContents.AccessEventType
        var user: Int

        var testDescription: String { file }
    }

    static let iriCases = [
        IRICase(file: "01-iri-LIID0002-seq0-accessAttempt.der", type: .report, event: .accessAttempt, user: 2),
        IRICase(file: "02-iri-LIID0002-seq1-accessAccept.der", type: .begin, event: .accessAccept, user: 2),
        IRICase(file: "03-iri-LIID0002-seq2-interimUpdate.der", type: .continue, event: .interimUpdate, user: 2),
        IRICase(file: "04-iri-LIID0001-seq0-accessAttempt.der", type: .report, event: .accessAttempt, user: 1),
        IRICase(file: "05-iri-LIID0001-seq1-accessAccept.der", type: .begin, event: .accessAccept, user: 1),
        IRICase(file: "06-iri-LIID0001-seq2-interimUpdate.der", type: .continue, event: .interimUpdate, user: 1),
        IRICase(file: "07-iri-LIID0001-seq3-interimUpdate.der", type: .continue, event: .interimUpdate, user: 1),
        IRICase(file: "08-iri-LIID0001-seq4-accessEnd.der", type: .end, event: .accessEnd, user: 1),
        IRICase(file: "09-iri-LIID0002-seq3-interimUpdate.der", type: .continue, event: .interimUpdate, user: 2),
        IRICase(file: "10-iri-LIID0002-seq4-accessEnd.der", type: .end, event: .accessEnd, user: 2),
    ]

    static func template(liid: String) -> PSHeaderTemplate {
        PSHeaderTemplate(
            profile: .openli,
            liid: liid,
            authorizationCountryCode: "NZ",
            operatorIdentifier: "testop",
            networkElementIdentifier: "testnet",
            deliveryCountryCode: "NZ",
            interceptionPointID: "col01",
            timeFormat: .generalizedTime
        )
    }

    /// The IPIRIContents OpenLI sent for `testCase` (values from `record-check`).
    static func contents(_ testCase: IRICase, sequence: UInt64) -> IPIRIContents {
        let user = UInt8(testCase.user)
        var contents = IPIRIContents(
            accessEventType: testCase.event,
            targetUsername: "user000\(user)",
            internetAccessType: .fTTx,
            iPVersion: .iPV4
        )
        let popPort = UInt32(999 + testCase.user)
        if testCase.event == .accessAttempt {
            contents.targetNetworkID = "02-00-00-00-00-0\(user - 1)"
        } else {
            contents.targetIPAddress = IRIAddress(bytes: [100, 64, 0, user], prefixLength: 32, assignment: .dynamic)
            contents.startTime = Timestamp(seconds: 1_700_000_000, microseconds: 500_000)
        }
        if testCase.event != .accessAccept {
            contents.pOPPortNumber = popPort
            contents.pOPIdentifier = "bng01.example.net"
            contents.pOPIPAddress = IRIAddress(bytes: [10, 0, 0, 1], prefixLength: 32, assignment: .notKnown)
        }
        if testCase.event == .accessEnd || (testCase.event == .interimUpdate && sequence == 3) {
            contents.octetsReceived = 123_456
            contents.octetsTransmitted = 654_321
        }
        if testCase.event == .accessEnd {
            contents.endTime = Timestamp(seconds: 1_700_000_001, microseconds: 799_000)
            contents.endReason = .regularLogoff
        }
        return contents
    }

    /// The differences that are not a GeneralizedTime written with trailing zeros in its fraction.
    static func unexpectedDifferences(ours: [UInt8], theirs: [UInt8]) throws -> [DERTree.Difference] {
        let ourTree = try #require(DERTree.parseAll(ours)?.first)
        let theirTree = try #require(DERTree.parseAll(theirs)?.first)
        return DERTree.differences(ourTree, theirTree).filter { difference in
            guard let left = difference.left, let right = difference.right else {
                return true
            }
            return trimmedFraction(left) != trimmedFraction(right)
        }
    }

    /// A GeneralizedTime with the trailing zeros of its fraction (and a bare `.`) removed.
    static func trimmedFraction(_ time: [UInt8]) -> [UInt8] {
        guard time.last == UInt8(ascii: "Z"), time.contains(UInt8(ascii: ".")) else {
            return time
        }
        var digits = time.dropLast()
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
        }
        if digits.last == UInt8(ascii: ".") {
            digits.removeLast()
        }
        return Array(digits) + [UInt8(ascii: "Z")]
    }

    @Test(arguments: try VectorFiles.names(in: "openli", suffix: ".der").filter { $0.contains("-cc-") })
    func ccRecordsMatchUpToLengthFormAndTimeDigits(file: String) throws {
        let theirs = try VectorFiles.bytes("openli/\(file)")
        let summary = try theirs.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }
        let tree = try #require(DERTree.parseAll(theirs)?.first)
        let packet = try #require(
            tree.children.last?.children.first?.children.first?.children.last?.children.first?.children.last?
                .children.first?.value
        )
        let ours = RecordBuilder.record(
            Self.template(liid: summary.liid),
            cin: try #require(summary.cin),
            sequence: summary.sequence,
            time: try #require(summary.time),
            payload: RecordBuilder.ipcc(try #require(summary.payloadDirection), packet: packet, profile: .openli)
        )
        #expect(try Self.unexpectedDifferences(ours: ours, theirs: theirs) == [])
        #expect(ours.count <= theirs.count)
    }

    @Test(arguments: iriCases)
    func iriRecordsMatchUpToLengthFormAndTimeDigits(testCase: IRICase) throws {
        let theirs = try VectorFiles.bytes("openli/\(testCase.file)")
        let summary = try theirs.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }
        let ours = RecordBuilder.record(
            Self.template(liid: summary.liid),
            cin: try #require(summary.cin),
            sequence: summary.sequence,
            time: try #require(summary.time),
            payload: IPIRIPayload.encode(
                profile: .openli,
                type: testCase.type,
                contents: Self.contents(testCase, sequence: summary.sequence)
            )
        )
        let remaining = try Self.unexpectedDifferences(ours: ours, theirs: theirs)
        if testCase.event == .accessAttempt {
            let iPVersion = DERTree.Difference(path: "/30/a2/a0/30/a2/a2/a1/83", left: [], right: nil)
            #expect(remaining == [iPVersion])
        } else {
            #expect(remaining == [])
        }
    }
}
