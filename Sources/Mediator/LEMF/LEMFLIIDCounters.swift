import ETSI

/// What the LEMF received for one LIID.
public struct LEMFLIIDCounters: Sendable, Equatable {
    /// Records of every kind.
    public var records = 0
    /// IRI records by `iRIType` (records without one are under nil).
    public var iris: [IRIType?: Int] = [:]
    /// CC records.
    public var ccs = 0
    /// TRI records (keep-alives and the rest).
    public var tris = 0
    /// HI1 notifications (`hI1-Operation`).
    public var hi1 = 0
    /// Records of any other payload alternative.
    public var otherPayloads = 0
    /// The distinct CINs of IRI and CC records (nil for records without one).
    public var cins: Set<UInt32?> = []
    /// Records whose sequence number was already seen.
    public var redeliveries = 0
    /// Records past the next expected sequence number.
    public var gaps = 0
    /// Records below the next expected sequence number that were never seen.
    public var backwards = 0
    /// Records that are not DER but whose LIID could still be read leniently.
    public var derErrors = 0
    /// Records received in an EncryptionContainer (decrypted or not).
    public var encrypted = 0
    /// Encrypted records decrypted with `--decryption-key-file`.
    public var decrypted = 0
    /// Encrypted records that did not decrypt (a wrong key, or altered in transit).
    public var decryptionFailures = 0
    /// cINReset TRIs received.
    public var cinResets = 0
    /// The connections that carried this LIID's records.
    public var connections: Set<Int> = []

    /// Creates empty counters.
    public init() {}

    /// IRI records of every type.
    public var iriTotal: Int { iris.values.reduce(0, +) }

    /// Errors: gaps, records going backwards, DER errors, records that did not decrypt.
    public var errors: Int { gaps + backwards + derErrors + decryptionFailures }
}
