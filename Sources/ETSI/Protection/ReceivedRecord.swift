/// One record as an LEMF reads it: checked as DER, and decrypted when it travels in an EncryptionContainer and the
/// agency's key is known. The built-in LEMF and `openli-appliance verify` open every record this way.
public struct ReceivedRecord: Sendable {
    /// The summary of ``plainRecord``.
    public var summary: PSPDUSummary
    /// The record as received, or decrypted (``DecryptedRecord/plainRecord``).
    public var plainRecord: [UInt8]
    /// What integrity hashes cover: the record as received, or its pre-encryption form.
    public var hashedForm: [UInt8]
    /// Whether the record was decrypted.
    public var wasDecrypted: Bool

    /// Opens one whole PS-PDU. Without a decryptor an encrypted record opens as received (its payload kind is
    /// then `.other(4)`, the encryptionContainer).
    public static func open(
        _ record: UnsafeRawBufferPointer,
        decryptor: RecordDecryptor?
    ) throws(ReceivedRecordError) -> ReceivedRecord {
        let summary: PSPDUSummary
        do {
            summary = try PSPDUReader.summarize(record)
        } catch {
            throw .notDER(error, lenient: try? PSPDUReader.summarize(record, lenient: true))
        }
        guard let decryptor, summary.kind == .other(4) else {
            return ReceivedRecord(summary: summary, plainRecord: Array(record), hashedForm: Array(record))
        }
        let decrypted: DecryptedRecord
        do {
            decrypted = try decryptor.decrypt(record)
        } catch {
            throw .notDecryptable(error, summary)
        }
        let plain = decrypted.plainRecord.withUnsafeBytes { bytes in
            Result { () throws(DERError) in try PSPDUReader.summarize(bytes) }
        }
        switch plain {
        case .success(let plainSummary):
            return ReceivedRecord(
                summary: plainSummary,
                plainRecord: decrypted.plainRecord,
                hashedForm: decrypted.preEncryptionForm,
                wasDecrypted: true
            )
        case .failure(let error):
            throw .decryptedNotDER(error, summary)
        }
    }

    private init(summary: PSPDUSummary, plainRecord: [UInt8], hashedForm: [UInt8], wasDecrypted: Bool = false) {
        self.summary = summary
        self.plainRecord = plainRecord
        self.hashedForm = hashedForm
        self.wasDecrypted = wasDecrypted
    }
}

/// Why a received record cannot be read, with what could be read of its header.
public enum ReceivedRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record is not a DER PS-PDU; the summary is what a lenient reading got, if anything.
    case notDER(DERError, lenient: PSPDUSummary?)
    /// The record is encrypted and does not decrypt; the summary is the record's as received.
    case notDecryptable(RecordDecryptionError, PSPDUSummary)
    /// The record decrypts to something that is not a DER PS-PDU; the summary is the record's as received.
    case decryptedNotDER(DERError, PSPDUSummary)

    /// The summary of the record as received, when it could be read.
    public var summary: PSPDUSummary? {
        switch self {
        case .notDER(_, let summary): summary
        case .notDecryptable(_, let summary), .decryptedNotDER(_, let summary): summary
        }
    }

    /// `not DER: ...`, `cannot decrypt: ...`, `decrypted, but not DER: ...`.
    public var description: String {
        switch self {
        case .notDER(let error, _): "not DER: \(error)"
        case .notDecryptable(let error, _): "cannot decrypt: \(error)"
        case .decryptedNotDER(let error, _): "decrypted, but not DER: \(error)"
        }
    }
}
