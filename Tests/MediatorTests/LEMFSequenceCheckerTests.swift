import Mediator
import Testing

@Suite("LEMF sequence checker")
struct LEMFSequenceCheckerTests {
    typealias Verdict = LEMFSequenceChecker.Verdict
    static let iri = LEMFSequenceChecker.Key(liid: "LIID-0001", cin: 7, stream: .iri)

    private func run(_ numbers: [UInt64], key: LEMFSequenceChecker.Key = iri) -> [Verdict] {
        var checker = LEMFSequenceChecker()
        return numbers.map { checker.check($0, for: key) }
    }

    @Test("0, 1, 2 are in order")
    func inOrder() {
        #expect(run([0, 1, 2]) == [.inOrder, .inOrder, .inOrder])
    }

    @Test("a stream must start at 0")
    func firstNotZero() {
        #expect(run([1, 2]) == [.gap(expected: 0), .inOrder])
    }

    @Test("a gap is reported once, then the stream goes on from there")
    func gap() {
        #expect(run([0, 1, 3, 4]) == [.inOrder, .inOrder, .gap(expected: 2), .inOrder])
    }

    @Test("numbers already seen are redeliveries, the stream then continues")
    func duplicates() {
        #expect(run([0, 1, 2, 1, 2, 3]) == [.inOrder, .inOrder, .inOrder, .redelivery, .redelivery, .inOrder])
    }

    @Test("a number behind that was never seen went backwards; seen afterwards it is a redelivery")
    func backwards() {
        #expect(run([0, 5, 3, 3, 6]) == [.inOrder, .gap(expected: 1), .backwards(expected: 6), .redelivery, .inOrder])
    }

    @Test("IRI and CC, CINs and LIIDs are numbered separately")
    func separateStreams() {
        var checker = LEMFSequenceChecker()
        let keys = [
            Self.iri,
            LEMFSequenceChecker.Key(liid: "LIID-0001", cin: 7, stream: .cc),
            LEMFSequenceChecker.Key(liid: "LIID-0001", cin: 8, stream: .iri),
            LEMFSequenceChecker.Key(liid: "LIID-0002", cin: 7, stream: .iri),
            LEMFSequenceChecker.Key(liid: "LIID-0001", cin: nil, stream: .iri),
        ]
        for key in keys {
            #expect(checker.check(0, for: key) == .inOrder)
        }
        #expect(checker.check(1, for: Self.iri) == .inOrder)
        #expect(checker.expected(for: Self.iri) == 2)
        #expect(checker.expected(for: keys[1]) == 1)
    }

    @Test("restart of a CIN: without cINReset 0 is a redelivery; a cINReset lets each stream start again at 0 once")
    func restartOfCIN() {
        var checker = LEMFSequenceChecker()
        let cc = LEMFSequenceChecker.Key(liid: "LIID-0001", cin: 7, stream: .cc)
        for number in 0...4 as ClosedRange<UInt64> {
            #expect(checker.check(number, for: Self.iri) == .inOrder)
            #expect(checker.check(number, for: cc) == .inOrder)
        }
        #expect(checker.check(0, for: Self.iri) == .redelivery)
        checker.reset(liid: "LIID-0001", cin: 7)
        #expect(checker.check(0, for: Self.iri) == .inOrder)
        #expect(checker.check(1, for: Self.iri) == .inOrder)
        #expect(checker.expected(for: Self.iri) == 2)
        #expect(checker.check(5, for: cc) == .inOrder)
        #expect(checker.check(0, for: cc) == .redelivery)
    }

    @Test("the largest sequence number does not trap")
    func largest() {
        #expect(run([0, UInt64.max, 1]) == [.inOrder, .gap(expected: 1), .backwards(expected: 0)])
        #expect(run([UInt64.max, 0]) == [.gap(expected: 0), .backwards(expected: 0)])
    }
}
