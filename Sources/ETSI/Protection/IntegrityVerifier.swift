/// The LEMF side of integrity checks (TS 102 232-1 clause 7.2.3 and annex J, as ``IntegrityCheck`` documents the
/// format): fed every record and every check TRI as they arrive, it proves each record covered by a hash TRI whose
/// hash is right, and each hash TRI signed by a signature TRI that verifies with the agency's key. Pure: no I/O.
///
/// Per stream (``IntegrityStream``: LIID, CIN, IRI or CC) it holds the records not yet listed by a hash TRI and the
/// hash TRIs not yet listed by a signature TRI. A hash TRI takes the records it lists (in its order) and checks the
/// hash of their octets; a record it lists that never arrived is reported as missing (a drop). A signature TRI takes
/// the hash TRIs it lists and checks the signature of the hash of their integrityCheck content octets. What was
/// taken is let go; what was dealt with is remembered as number ranges, so a redelivery is recognised and ignored.
///
/// Memory is bounded by ``Limits``: a stream that never gets a hash TRI holds at most
/// ``Limits/recordsPerStream`` records, and all streams together at most ``Limits/octets``; past either, the
/// stream's oldest records are let go and reported as not covered (a hash TRI listing them later fails with
/// ``IntegrityProblem/Kind/recordsReleased(hash:records:)``). Unsigned hash TRIs are bounded the same way by
/// ``Limits/unsignedHashesPerStream``. ``finish()`` reports whatever is still held as not covered or not signed.
public struct IntegrityVerifier: Sendable {
    /// How much the verifier holds while waiting for hash and signature TRIs.
    public struct Limits: Sendable, Equatable {
        /// Records held per stream (OpenLI sends a hash TRI every 1,000 records).
        public var recordsPerStream: Int
        /// Octets of records held in all streams together.
        public var octets: Int
        /// Hash TRIs held per stream (OpenLI signs every 15).
        public var unsignedHashesPerStream: Int

        /// Limits; the defaults are far above what OpenLI's or the appliance's settings need.
        public init(recordsPerStream: Int = 65_536, octets: Int = 256 << 20, unsignedHashesPerStream: Int = 4_096) {
            self.recordsPerStream = max(1, recordsPerStream)
            self.octets = max(1, octets)
            self.unsignedHashesPerStream = max(1, unsignedHashesPerStream)
        }
    }

    let key: IntegrityVerifyingKey
    /// The limits.
    public let limits: Limits
    var streams: [IntegrityStream: IntegrityStreamState] = [:]
    /// Records that could not be read, per LIID and CIN (their kind, hence their stream, is unknown).
    var unreadable: [String: [UInt32?: SequenceNumberRanges]] = [:]
    /// Streams whose numbering a cINReset allows to start again at 0.
    var restartAllowed: Set<IntegrityStream> = []
    var heldOctets = 0
    /// What was established so far, per LIID.
    public internal(set) var reports: [String: IntegrityLIIDReport] = [:]

    /// A verifier that checks signatures with `key`.
    public init(key: IntegrityVerifyingKey, limits: Limits = Limits()) {
        self.key = key
        self.limits = limits
    }

    /// Whether every LIID seen is intact so far (after ``finish()``: in the end).
    public var isIntact: Bool { reports.values.allSatisfy(\.isIntact) }

    /// Takes one IRI, CC or HI1 record of `stream`: `octets` as hash TRIs hash it (as received, or for an encrypted
    /// record its pre-encryption form).
    public mutating func add(record octets: [UInt8], sequence: UInt64, in stream: IntegrityStream) -> IntegrityOutcome {
        var state = streams.removeValue(forKey: stream) ?? IntegrityStreamState()
        defer { streams[stream] = state }
        var problems: [IntegrityProblem] = []
        if restartAllowed.remove(stream) != nil, sequence == 0 {
            problems = close(stream, state: &state)
            unreadable[stream.liid]?[stream.cin] = nil
        }
        if state.recordsDone.contains(sequence) {
            return IntegrityOutcome(.repeated)
        }
        if let held = state.records[sequence] {
            guard held != octets else { return IntegrityOutcome(.repeated) }
            reports[stream.liid, default: IntegrityLIIDReport()].recordsChanged += 1
            return IntegrityOutcome(.held, problems: [IntegrityProblem(.recordChanged(record: sequence), in: stream)])
        }
        state.records.hold(octets, as: sequence)
        heldOctets += octets.count
        reports[stream.liid, default: IntegrityLIIDReport()].records += 1
        guard state.records.count > limits.recordsPerStream || heldOctets > limits.octets else {
            return IntegrityOutcome(.held, problems: problems)
        }
        var released: [UInt64] = []
        while state.records.count > limits.recordsPerStream - limits.recordsPerStream / 8
            || heldOctets > limits.octets - limits.octets / 8,
            let (number, octets) = state.records.takeOldest()
        {
            heldOctets -= octets.count
            state.recordsDone.insert(number)
            released.append(number)
        }
        reports[stream.liid, default: IntegrityLIIDReport()].recordsNotCovered += released.count
        if !released.isEmpty {
            problems.append(IntegrityProblem(.recordsNotCovered(records: released), in: stream))
        }
        return IntegrityOutcome(.held, problems: problems)
    }

    /// Notes a PS-PDU of `liid` and `cin` numbered `sequence` that arrived but cannot be read (a record, or a check
    /// TRI: which one cannot be told): a hash TRI that lists the number then fails as unreadable rather than as a
    /// drop. Every such PS-PDU counts against the LIID.
    public mutating func noteUnreadable(liid: String, cin: UInt32?, sequence: UInt64) {
        var numbers = unreadable[liid]?[cin] ?? SequenceNumberRanges()
        numbers.insert(sequence)
        unreadable[liid, default: [:]][cin] = numbers
        reports[liid, default: IntegrityLIIDReport()].recordsUnreadable += 1
    }

    /// After a cINReset TRI for `liid` and `cin`: the next record numbered 0 of each of its two streams starts that
    /// stream again (what it still holds is reported as by ``finish()``, and its hash and signature TRIs may be
    /// numbered from 1 again). As for sequence numbers, the reset permits a restart rather than demanding one: HI2
    /// and HI3 are separate connections.
    public mutating func reset(liid: String, cin: UInt32?) {
        restartAllowed.insert(IntegrityStream(liid: liid, cin: cin, dataType: .iri))
        restartAllowed.insert(IntegrityStream(liid: liid, cin: cin, dataType: .cc))
    }

    /// The end of the input: every record still held is reported as not covered and every hash TRI still held as
    /// not signed; the verifier is then empty (its reports stay).
    public mutating func finish() -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for stream in streams.keys.sorted(by: { $0.description < $1.description }) {
            guard var state = streams.removeValue(forKey: stream) else { continue }
            problems += close(stream, state: &state)
        }
        restartAllowed = []
        return problems
    }

    /// Empties one stream's state: what it holds becomes problems.
    private mutating func close(_ stream: IntegrityStream, state: inout IntegrityStreamState) -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        let records = state.records.takeAll()
        let hashes = state.hashes.takeAll().map(\.number)
        heldOctets -= records.reduce(0) { $0 + $1.octets.count }
        state = IntegrityStreamState()
        if !records.isEmpty {
            reports[stream.liid, default: IntegrityLIIDReport()].recordsNotCovered += records.count
            problems.append(IntegrityProblem(.recordsNotCovered(records: records.map(\.number)), in: stream))
        }
        if !hashes.isEmpty {
            reports[stream.liid, default: IntegrityLIIDReport()].hashesNotSigned += hashes.count
            problems.append(IntegrityProblem(.hashesNotSigned(hashes: hashes), in: stream))
        }
        return problems
    }
}
