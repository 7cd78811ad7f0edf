/// Something an ``IntegrityVerifier`` found wrong in one stream: a value, one line for the operator.
public struct IntegrityProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong. Record numbers are the records' sequence numbers; hash and signature numbers are the
    /// sequence numbers of the hash and signature TRIs.
    public enum Kind: Sendable, Equatable {
        /// A hash TRI whose records all arrived but whose hash differs: one of them was altered.
        case hashMismatch(hash: UInt64, records: [UInt64])
        /// A hash TRI lists records that never arrived (dropped in transit).
        case recordsMissing(hash: UInt64, records: [UInt64])
        /// A hash TRI lists records that arrived but could not be read (not DER, not decryptable, or encrypted
        /// without a key), so the hash cannot be checked.
        case recordsUnreadable(hash: UInt64, records: [UInt64])
        /// A hash TRI lists records the verifier no longer holds: already listed by an earlier hash, or let go
        /// because no hash covered them within the verifier's limits.
        case recordsReleased(hash: UInt64, records: [UInt64])
        /// A hash TRI that cannot be checked (given: why, e.g. no hashAlgorithm).
        case hashUnusable(hash: UInt64, reason: String)
        /// A signature TRI whose hash TRIs all arrived, but the signature does not verify with the key.
        case signatureMismatch(signature: UInt64, hashes: [UInt64])
        /// A signature TRI lists hash TRIs that never arrived, or were already signed.
        case hashesMissing(signature: UInt64, hashes: [UInt64])
        /// A signature TRI that cannot be checked with the key (given: why, e.g. another signature algorithm).
        case signatureUnusable(signature: UInt64, reason: String)
        /// Records that no hash TRI covered (at the end, or let go past the verifier's limits).
        case recordsNotCovered(records: [UInt64])
        /// Hash TRIs that no signature TRI signed (at the end, or let go past the verifier's limits).
        case hashesNotSigned(hashes: [UInt64])
        /// A record received again with other octets while it waited for its hash.
        case recordChanged(record: UInt64)
        /// An integrity check TRI that cannot be read (given: its sequence number and the decoder's reason).
        case malformedCheck(number: UInt64, reason: String)
    }

    /// The LIID.
    public var liid: String
    /// The CIN; nil for records without one.
    public var cin: UInt32?
    /// The stream's kind; nil when it cannot be told (a check TRI that cannot be read).
    public var dataType: IntegrityCheck.DataType?
    /// What is wrong.
    public var kind: Kind

    /// A problem of `stream`.
    public init(_ kind: Kind, in stream: IntegrityStream) {
        self.init(kind, liid: stream.liid, cin: stream.cin, dataType: stream.dataType)
    }

    /// A problem of a LIID and CIN, and of IRI or CC when known.
    public init(_ kind: Kind, liid: String, cin: UInt32?, dataType: IntegrityCheck.DataType?) {
        self.liid = liid
        self.cin = cin
        self.dataType = dataType
        self.kind = kind
    }

    /// `LIID "LI-1" CIN 7 CC: hash TRI 3 (records 0-999): hash mismatch, a record was altered`.
    public var description: String {
        let stream = dataType.map { IntegrityStream(liid: liid, cin: cin, dataType: $0).description }
        return (stream ?? "LIID \"\(liid)\" CIN \(cin.map { String($0) } ?? "none")") + ": " + detail
    }

    private var detail: String {
        let text = SequenceNumberRanges.text
        switch kind {
        case .hashMismatch(let hash, let records):
            return "hash TRI \(hash) (records \(text(records))): hash mismatch, a record was altered"
        case .recordsMissing(let hash, let records):
            return "hash TRI \(hash) lists records \(text(records)) that never arrived (dropped)"
        case .recordsUnreadable(let hash, let records):
            return "hash TRI \(hash) lists records \(text(records)) that could not be read (altered, or no key)"
        case .recordsReleased(let hash, let records):
            return "hash TRI \(hash) lists records \(text(records)) no longer held (listed before, or let go)"
        case .hashUnusable(let hash, let reason):
            return "hash TRI \(hash) cannot be checked: \(reason)"
        case .signatureMismatch(let signature, let hashes):
            return "signature TRI \(signature) (hash TRIs \(text(hashes))) does not verify with the key "
                + "(wrong key, or altered)"
        case .hashesMissing(let signature, let hashes):
            return "signature TRI \(signature) lists hash TRIs \(text(hashes)) that never arrived or were signed before"
        case .signatureUnusable(let signature, let reason):
            return "signature TRI \(signature) cannot be checked: \(reason)"
        case .recordsNotCovered(let records):
            return "records \(text(records)) not covered by any hash TRI"
        case .hashesNotSigned(let hashes):
            return "hash TRIs \(text(hashes)) not signed by any signature TRI"
        case .recordChanged(let record):
            return "record \(record) received again with other octets"
        case .malformedCheck(let number, let reason):
            return "integrity check TRI \(number) cannot be read: \(reason)"
        }
    }
}
