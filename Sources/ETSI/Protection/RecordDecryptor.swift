/// Reads back records that travel in an EncryptionContainer (the ETSI-IP.nl profile of ``RecordEncryptor``): the
/// LEMF side. Every failure is a ``RecordDecryptionError``; no input traps.
public struct RecordDecryptor: Sendable {
    private let key: PayloadEncryptionKey

    /// A decryptor with the agency's key.
    public init(key: PayloadEncryptionKey) {
        self.key = key
    }

    /// Whether `record` (one whole PS-PDU) carries an EncryptionContainer.
    public static func isEncrypted(_ record: UnsafeRawBufferPointer) -> Bool {
        (try? locateContainer(record)) != nil
    }

    /// Decrypts one record. A wrong key shows as ``RecordDecryptionError/notDecryptable``: the clear text is not an
    /// EncryptedPayload followed by zero padding.
    public func decrypt(_ record: UnsafeRawBufferPointer) throws(RecordDecryptionError) -> DecryptedRecord {
        let container = try Self.locateContainer(record)
        guard container.encryptionType == UInt64(EncryptionType.aes192CBC) else {
            throw .unsupportedEncryption(container.encryptionType)
        }
        let cipherText = UnsafeRawBufferPointer(rebasing: record[container.contentStart..<container.contentEnd])
        guard !cipherText.isEmpty, cipherText.count % 16 == 0 else { throw .notBlockAligned(cipherText.count) }
        var clear = Array(cipherText)
        let iv = RecordEncryptor.initializationVector(sequence: UInt32(truncatingIfNeeded: container.sequence))
        guard let cipher = AES192CBC(key: key, direction: .decrypt), cipher.run(&clear, range: 0..<clear.count, iv: iv)
        else { throw .notDecryptable }
        let read = clear.withUnsafeBytes { bytes in
            Result { () throws(RecordDecryptionError) in try Self.readEncryptedPayload(bytes) }
        }
        let inner = try read.get()
        var preEncryption = Array(record)
        preEncryption[container.encryptionTypeOffset] = EncryptionType.none
        preEncryption.replaceSubrange(container.contentStart..<container.contentEnd, with: clear)
        var payload: [UInt8] = [0xA2]
        payload.append(contentsOf: clear[(inner.payloadStart + 1)..<inner.payloadEnd])
        var plain: [UInt8] = []
        let headerElement = record[container.headerStart..<container.headerEnd]
        DERWriter.appendHeader(0x30, length: headerElement.count + payload.count, to: &plain)
        plain.append(contentsOf: headerElement)
        plain.append(contentsOf: payload)
        return DecryptedRecord(
            plainRecord: plain,
            preEncryptionForm: preEncryption,
            byteCounter: inner.byteCounter,
            payloadType: container.payloadType.flatMap { EncryptedPayloadType(rawValue: UInt8(truncatingIfNeeded: $0)) }
        )
    }

    /// Where the container of `record` lies.
    struct Container {
        var sequence: UInt64
        var headerStart: Int
        var headerEnd: Int
        var encryptionType: UInt64
        var encryptionTypeOffset: Int
        var contentStart: Int
        var contentEnd: Int
        var payloadType: UInt64?
    }

    static func locateContainer(_ record: UnsafeRawBufferPointer) throws(RecordDecryptionError) -> Container {
        do {
            let summary = try PSPDUReader.summarize(record, lenient: true)
            let opened = try PSPDUReader.openPDU(record, lenient: true)
            let header = opened.header
            var fields = opened.fields
            guard let payload = try fields.next(), payload.identifier == 0xA2 else {
                throw RecordDecryptionError.notEncrypted
            }
            var choice = fields.children(of: payload)
            guard let container = try choice.next(), container.identifier == 0xA4 else {
                throw RecordDecryptionError.notEncrypted
            }
            var parts = choice.children(of: container)
            guard let type = try parts.next(), type.identifier == 0x80, type.valueEnd - type.valueStart == 1 else {
                throw RecordDecryptionError.malformedContainer
            }
            guard let octets = try parts.next(), octets.identifier == 0x81 else {
                throw RecordDecryptionError.malformedContainer
            }
            var payloadType: UInt64?
            if let typeElement = try parts.next() {
                guard typeElement.identifier == 0x82 else { throw RecordDecryptionError.malformedContainer }
                payloadType = try parts.unsigned(typeElement)
            }
            return Container(
                sequence: summary.sequence,
                headerStart: header.start,
                headerEnd: header.valueEnd,
                encryptionType: try parts.unsigned(type),
                encryptionTypeOffset: type.valueStart,
                contentStart: octets.valueStart,
                contentEnd: octets.valueEnd,
                payloadType: payloadType
            )
        } catch let error as RecordDecryptionError {
            throw error
        } catch {
            throw .malformedRecord
        }
    }

    /// The EncryptedPayload in clear: its byteCounter and where its `payload [1]` lies; everything after the
    /// SEQUENCE must be zero padding.
    private static func readEncryptedPayload(
        _ clear: UnsafeRawBufferPointer
    ) throws(RecordDecryptionError) -> (byteCounter: UInt64, payloadStart: Int, payloadEnd: Int) {
        do {
            var outer = DERCursor(clear, lenient: true)
            guard let sequence = try outer.next(), sequence.identifier == 0x30 else {
                throw RecordDecryptionError.notDecryptable
            }
            guard clear[sequence.valueEnd...].allSatisfy({ $0 == 0 }) else {
                throw RecordDecryptionError.notDecryptable
            }
            var fields = outer.children(of: sequence)
            guard let counter = try fields.next(), counter.identifier == 0x80,
                (1...9).contains(counter.valueEnd - counter.valueStart)
            else { throw RecordDecryptionError.notDecryptable }
            var byteCounter: UInt64 = 0
            for octet in fields.value(of: counter) { byteCounter = byteCounter << 8 | UInt64(octet) }
            guard let payload = try fields.next(), payload.identifier == 0xA1, fields.isAtEnd else {
                throw RecordDecryptionError.notDecryptable
            }
            return (byteCounter, payload.start, payload.valueEnd)
        } catch let error as RecordDecryptionError {
            throw error
        } catch {
            throw .notDecryptable
        }
    }
}

/// One record decrypted by ``RecordDecryptor``.
public struct DecryptedRecord: Sendable, Equatable {
    /// The record as if it had been sent without encryption: the same header, and the decrypted `payload [2]`.
    public var plainRecord: [UInt8]
    /// The record as it was before encryption: encryptionType none(1) and the EncryptedPayload in clear. Integrity
    /// hashes cover this form (as OpenLI's do).
    public var preEncryptionForm: [UInt8]
    /// The EncryptedPayload's byteCounter.
    public var byteCounter: UInt64
    /// The encryptedPayloadType, when present and known.
    public var payloadType: EncryptedPayloadType?
}

/// Why an encrypted record could not be read.
public enum RecordDecryptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record is not a readable PS-PDU.
    case malformedRecord
    /// The record's payload is not an EncryptionContainer.
    case notEncrypted
    /// The EncryptionContainer lacks encryptionType or encryptedPayload, or has unknown fields.
    case malformedContainer
    /// An encryptionType other than aES-192-CBC(3) (given).
    case unsupportedEncryption(UInt64)
    /// Encrypted octets that are not a whole number of AES blocks (given: how many).
    case notBlockAligned(Int)
    /// The clear text is not an EncryptedPayload followed by zero padding: a wrong key, or altered octets.
    case notDecryptable

    public var description: String {
        switch self {
        case .malformedRecord: "not a readable PS-PDU"
        case .notEncrypted: "the payload is not an encryptionContainer"
        case .malformedContainer: "the encryptionContainer lacks encryptionType or encryptedPayload"
        case .unsupportedEncryption(let type): "encryptionType \(type) is not aES-192-CBC(3)"
        case .notBlockAligned(let count): "\(count) encrypted octets are not a whole number of AES blocks"
        case .notDecryptable: "the decrypted payload is not an EncryptedPayload (wrong key, or altered in transit)"
        }
    }
}
