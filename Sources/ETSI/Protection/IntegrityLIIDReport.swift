/// What an ``IntegrityVerifier`` established for one LIID, over all its streams.
public struct IntegrityLIIDReport: Sendable, Equatable {
    /// Distinct IRI, CC and HI1 records received (a redelivery counts once).
    public var records = 0
    /// Records listed by a hash TRI that verified.
    public var recordsCovered = 0
    /// Records listed by a hash TRI that did not verify (altered, or listed with records missing).
    public var recordsInFailedHashes = 0
    /// Records listed by a hash TRI but never received, unreadable, or no longer held.
    public var recordsMissing = 0
    /// Records that no hash TRI covered (at the end, or let go past the limits).
    public var recordsNotCovered = 0
    /// PS-PDUs (records or check TRIs) that arrived but could not be read: not DER, not decryptable, encrypted
    /// without a key.
    public var recordsUnreadable = 0
    /// Records received again with other octets while they waited for their hash.
    public var recordsChanged = 0
    /// Hash TRIs whose hash equals that of the records they list.
    public var hashesVerified = 0
    /// Hash TRIs that did not verify.
    public var hashesFailed = 0
    /// Hash TRIs that no signature TRI signed.
    public var hashesNotSigned = 0
    /// Signature TRIs that verify with the key.
    public var signaturesVerified = 0
    /// Signature TRIs that did not verify (wrong key, altered, hash TRIs missing).
    public var signaturesFailed = 0
    /// Integrity check TRIs that could not be read.
    public var malformedChecks = 0

    /// An empty report.
    public init() {}

    /// Whether everything of the LIID is proven intact: every record covered by a verified hash, every hash signed
    /// by a verified signature, nothing missing, altered or unreadable.
    public var isIntact: Bool {
        records == recordsCovered && recordsMissing == 0 && recordsNotCovered == 0 && recordsUnreadable == 0
            && recordsChanged == 0 && hashesFailed == 0 && hashesNotSigned == 0 && signaturesFailed == 0
            && malformedChecks == 0
    }

    /// `2000 records, 2000 covered, 0 missing, 0 not covered; hashes 2 verified, 0 failed, 0 not signed;
    /// signatures 1 verified, 0 failed: intact`.
    public var text: String {
        var text = "\(records) records, \(recordsCovered) covered, \(recordsMissing) missing, "
        text += "\(recordsNotCovered) not covered"
        if recordsInFailedHashes > 0 { text += ", \(recordsInFailedHashes) in failed hashes" }
        if recordsUnreadable > 0 { text += ", \(recordsUnreadable) unreadable" }
        if recordsChanged > 0 { text += ", \(recordsChanged) changed" }
        text += "; hashes \(hashesVerified) verified, \(hashesFailed) failed, \(hashesNotSigned) not signed"
        text += "; signatures \(signaturesVerified) verified, \(signaturesFailed) failed"
        if malformedChecks > 0 { text += "; unreadable checks \(malformedChecks)" }
        return text + (isIntact ? ": intact" : ": FAILED")
    }
}
