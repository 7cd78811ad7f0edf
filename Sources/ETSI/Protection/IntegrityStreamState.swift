/// What an ``IntegrityVerifier`` keeps of one stream: the records waiting for their hash TRI and the hash TRIs
/// waiting for their signature TRI (their octets, so memory is bounded by the verifier's limits), and the numbers
/// already dealt with (as ranges, a few words while all is well).
struct IntegrityStreamState: Sendable {
    /// Records received and not yet listed by a hash TRI: as hashed (pre-encryption form for encrypted ones).
    var records = HeldItems()
    /// Hash TRIs received and not yet listed by a signature TRI: the content octets of their integrityCheck.
    var hashes = HeldItems()
    /// Records listed by a hash TRI, whether it verified or not, or let go without one.
    var recordsDone = SequenceNumberRanges()
    /// Hash TRIs received (their own sequence numbers).
    var hashesSeen = SequenceNumberRanges()
    /// Signature TRIs received.
    var signaturesSeen = SequenceNumberRanges()
}
