import ETSI

/// The integrity checks of one stream (LIID, CIN and handover), as OpenLI keeps them: a running hash of the records
/// since the last hash TRI, and a running hash of the hash TRIs since the last signature TRI. Hash and signature
/// TRIs number themselves apart, each from 1 (``IntegrityCheck``).
struct IntegrityChain {
    /// The stream's handover output (the sequencer's buffer index).
    let slot: Int
    let dataType: IntegrityCheck.DataType
    private var recordHash: IntegrityHasher
    private var hashedNumbers: [UInt64] = []
    private var firstHashedMicros: Int64 = 0
    private var nextHashNumber: UInt64 = 1
    private var signatureHash: IntegrityHasher
    private var hashNumbersToSign: [UInt64] = []
    private var firstUnsignedMicros: Int64 = 0
    private var nextSignatureNumber: UInt64 = 1

    init(slot: Int, isCC: Bool, hash: IntegrityHashAlgorithm) {
        self.slot = slot
        dataType = isCC ? .cc : .iri
        recordHash = IntegrityHasher(hash)
        signatureHash = IntegrityHasher(hash)
    }

    /// Hashes with `hash` from now on (the agency's settings changed; the chain was finished first, so nothing is
    /// pending), keeping the TRI numbering.
    mutating func restart(hash: IntegrityHashAlgorithm) {
        recordHash = IntegrityHasher(hash)
        signatureHash = IntegrityHasher(hash)
        hashedNumbers.removeAll()
        hashNumbersToSign.removeAll()
    }

    /// Whether records or hash TRIs wait for a check.
    var isPending: Bool { !hashedNumbers.isEmpty || !hashNumbersToSign.isEmpty }

    /// Adds a record (its octets as hashed: sent, or the pre-encryption form).
    mutating func add(_ record: UnsafeRawBufferPointer, sequence: UInt64, now: Int64) {
        if hashedNumbers.isEmpty { firstHashedMicros = now }
        recordHash.update(record)
        hashedNumbers.append(UInt64(UInt32(truncatingIfNeeded: sequence)))
    }

    /// Whether a hash TRI is due: enough records, or the first one waited long enough (or `final`).
    func hashIsDue(_ settings: IntegritySettings, now: Int64, final: Bool = false) -> Bool {
        guard !hashedNumbers.isEmpty else { return false }
        return final || hashedNumbers.count >= settings.recordsPerHash
            || now - firstHashedMicros >= settings.hashIntervalMicros
    }

    /// Whether a signature TRI is due (never without a signing key).
    func signatureIsDue(_ settings: IntegritySettings, now: Int64, final: Bool = false) -> Bool {
        guard settings.signingKey != nil, !hashNumbersToSign.isEmpty else { return false }
        return final || hashNumbersToSign.count >= settings.hashesPerSignature
            || now - firstUnsignedMicros >= settings.signatureIntervalMicros
    }

    /// The due hash TRI and its sequence number; its check is added to the hash the next signature signs.
    mutating func takeHash(_ settings: IntegritySettings, now: Int64) -> (check: IntegrityCheck, sequence: UInt64) {
        let check = IntegrityCheck(
            includedSequenceNumbers: hashedNumbers,
            checkType: .hash,
            dataType: dataType,
            checkValue: recordHash.finalize().octets,
            hashAlgorithm: settings.hash
        )
        hashedNumbers.removeAll(keepingCapacity: true)
        let number = nextHashNumber
        nextHashNumber += 1
        if settings.signingKey != nil {
            if hashNumbersToSign.isEmpty { firstUnsignedMicros = now }
            signatureHash.update(check.contentOctets)
            hashNumbersToSign.append(number)
        }
        return (check, number)
    }

    /// The due signature TRI and its sequence number.
    mutating func takeSignature(
        _ settings: IntegritySettings,
        key: IntegritySigningKey
    ) throws(IntegritySigningError) -> (check: IntegrityCheck, sequence: UInt64) {
        let signature = try key.sign(signatureHash.finalize())
        let check = IntegrityCheck(
            includedSequenceNumbers: hashNumbersToSign,
            checkType: .signature,
            dataType: dataType,
            checkValue: signature,
            hashAlgorithm: settings.hash,
            signatureAlgorithm: key.algorithm
        )
        hashNumbersToSign.removeAll(keepingCapacity: true)
        let number = nextSignatureNumber
        nextSignatureNumber += 1
        return (check, number)
    }
}
