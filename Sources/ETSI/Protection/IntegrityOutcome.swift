/// What an ``IntegrityVerifier`` made of one record or check TRI.
public struct IntegrityOutcome: Sendable, Equatable {
    /// The verdict on the record or TRI itself.
    public enum Verdict: Sendable, Equatable {
        /// A record, held until a hash TRI lists it.
        case held
        /// A record or check TRI seen before (a redelivery): nothing to do.
        case repeated
        /// A hash TRI that verified.
        case hashVerified
        /// A hash TRI that did not verify.
        case hashFailed
        /// A signature TRI that verified.
        case signatureVerified
        /// A signature TRI that did not verify.
        case signatureFailed
        /// A record that cannot be read (encrypted without a key, or not DER).
        case unreadable
        /// Nothing integrity checks cover (a keep-alive, a cINReset, another payload).
        case notCovered
    }

    /// The verdict.
    public var verdict: Verdict
    /// What went wrong, one problem per line.
    public var problems: [IntegrityProblem]

    /// An outcome.
    public init(_ verdict: Verdict, problems: [IntegrityProblem] = []) {
        self.verdict = verdict
        self.problems = problems
    }

    /// `hash verified`, `signature failed`, ..., or nil for records and what is not covered.
    public var checkText: String? {
        switch verdict {
        case .hashVerified: "hash verified"
        case .hashFailed: "hash failed"
        case .signatureVerified: "signature verified"
        case .signatureFailed: "signature failed"
        case .held, .repeated, .unreadable, .notCovered: nil
        }
    }
}
