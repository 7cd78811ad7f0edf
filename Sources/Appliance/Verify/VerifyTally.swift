import ETSI

/// What `verify` has read so far: the verifier, and the records it could not hand to it.
struct VerifyTally {
    private var verifier: IntegrityVerifier
    private let decryptor: RecordDecryptor?
    private var records = 0
    private var unattributed = 0
    private var encryptedWithoutKey = 0
    private var decrypted = 0
    private var decryptionFailures = 0

    init(verifier: IntegrityVerifier, decryptor: RecordDecryptor?) {
        self.verifier = verifier
        self.decryptor = decryptor
    }

    /// Takes one record; returns a line per problem.
    mutating func take(_ record: ArraySlice<UInt8>, at position: VerifyFileReader.Position) -> [String] {
        records += 1
        let opened = record.withUnsafeBytes { bytes in
            Result { () throws(ReceivedRecordError) in try ReceivedRecord.open(bytes, decryptor: decryptor) }
        }
        switch opened {
        case .success(let received):
            if received.wasDecrypted { decrypted += 1 }
            let outcome = verifier.receive(received)
            if outcome.verdict == .unreadable { encryptedWithoutKey += 1 }
            return outcome.problems.map { "verify: \($0)" }
        case .failure(let error):
            verifier.noteUnreadable(error)
            if case .notDecryptable = error { decryptionFailures += 1 }
            guard let summary = error.summary else {
                unattributed += 1
                return ["verify: \(position): \(error)"]
            }
            let cin = summary.cin.map { String($0) } ?? "none"
            return [
                "verify: \(position): LIID \"\(summary.liid)\" CIN \(cin) sequence \(summary.sequence): \(error)"
            ]
        }
    }

    /// Ends the verification: what no check covered, one line per LIID, and the verdict.
    mutating func finish() -> [String] {
        var lines = verifier.finish().map { "verify: \($0)" }
        if encryptedWithoutKey > 0 {
            lines.append(
                "verify: \(encryptedWithoutKey) encrypted records could not be read: give --decryption-key-file"
            )
        }
        if decryptionFailures > 0 && decrypted == 0 {
            lines.append(
                "verify: none of \(decryptionFailures) encrypted records decrypted: the --decryption-key-file is "
                    + "not the key the records were encrypted with"
            )
        }
        for liid in verifier.reports.keys.sorted() {
            if let report = verifier.reports[liid] {
                lines.append("verify: LIID \"\(liid)\": \(report.text)")
            }
        }
        let verdict = isIntact ? "intact" : "integrity FAILED"
        lines.append("verify: \(records) PS-PDUs, \(verifier.reports.count) LIIDs: \(verdict)")
        return lines
    }

    /// Whether every record read is proven intact (and there was at least one record to prove).
    var isIntact: Bool {
        verifier.isIntact && unattributed == 0 && verifier.reports.values.contains { $0.records > 0 }
    }
}
