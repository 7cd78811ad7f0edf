/// Writes PS-PDUs whose payload travels in a TS 102 232-1 EncryptionContainer, AES-192-CBC as OpenLI's ETSI-IP.nl
/// profile does, so that an LEMF that decrypts OpenLI's records decrypts these:
///
/// ```asn1
/// payload [2] { encryptionContainer [4] {
///     encryptionType [0] aES-192-CBC(3),
///     encryptedPayload [1] OCTET STRING,      -- AES-192-CBC of the EncryptedPayload below
///     encryptedPayloadType [2] part3(3) ... } }
/// EncryptedPayload ::= SEQUENCE { byteCounter [0] INTEGER, payload [1] Payload }
/// ```
///
/// The profile, octet for octet: the EncryptedPayload's length is one octet below 128, else `82` and two octets
/// below 32,768, else `83` and three (OpenLI's form, so not always DER); `byteCounter` is always eight content
/// octets (``EncryptionStream``); `payload [1]` is the record's `payload [2]` element with its tag octet changed to
/// `a1`; zero octets pad the whole to a multiple of 16 (no PKCS#7 block); the IV is the record's 32-bit sequence
/// number, big-endian, four times.
///
/// A record is written in two steps, as OpenLI does: ``appendPlain(header:cin:sequence:time:payload:payloadType:stream:into:)``
/// appends it with encryptionType none(1) and the EncryptedPayload in clear (the form integrity hashes cover), then
/// ``encrypt(_:in:)`` encrypts it in place (same length) and sets aES-192-CBC.
public struct RecordEncryptor {
    private let cipher: AES192CBC?
    private var scratch: [UInt8] = []

    /// An encryptor with an agency's key.
    public init(key: PayloadEncryptionKey) {
        cipher = AES192CBC(key: key, direction: .encrypt)
    }

    /// Appends one PS-PDU (header as ``PSPDUWriter`` writes it) whose payload is an EncryptionContainer holding
    /// `payload` (a whole `payload [2]` element) in clear; counts it in `stream`. Returns where its parts lie.
    public mutating func appendPlain(
        header: PSHeaderTemplate,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payload: UnsafeRawBufferPointer,
        payloadType: EncryptedPayloadType,
        stream: inout EncryptionStream,
        into out: inout [UInt8]
    ) -> EncryptedRecordLayout {
        scratch.removeAll(keepingCapacity: true)
        let contentLength = Self.appendContainer(
            payload: payload,
            payloadType: payloadType,
            byteCounter: stream.byteCounter,
            into: &scratch
        )
        let start = out.count
        scratch.withUnsafeBytes { container in
            PSPDUWriter.write(header: header, cin: cin, sequence: sequence, time: time, payload: container, into: &out)
        }
        stream.count(out.count - start)
        let contentEnd = out.count - 3
        let contentStart = contentEnd - contentLength
        return EncryptedRecordLayout(
            recordStart: start,
            recordEnd: out.count,
            encryptionTypeOffset: contentStart - 1 - DERWriter.lengthOctets(contentLength) - 1,
            contentStart: contentStart,
            contentEnd: contentEnd,
            sequence: UInt32(truncatingIfNeeded: sequence)
        )
    }

    /// Encrypts, in place, the record that ``appendPlain(header:cin:sequence:time:payload:payloadType:stream:into:)``
    /// wrote at `layout`.
    public func encrypt(_ layout: EncryptedRecordLayout, in out: inout [UInt8]) throws(RecordEncryptionError) {
        guard let cipher else { throw .cipherFailed("OpenSSL refused the AES-192-CBC key") }
        let iv = Self.initializationVector(sequence: layout.sequence)
        guard cipher.run(&out, range: layout.contentStart..<layout.contentEnd, iv: iv) else {
            throw .cipherFailed("OpenSSL refused to encipher \(layout.contentEnd - layout.contentStart) octets")
        }
        out[layout.encryptionTypeOffset] = EncryptionType.aes192CBC
    }

    /// The IV of a record: its sequence number (big-endian) four times.
    static func initializationVector(sequence: UInt32) -> [UInt8] {
        let octets = [
            UInt8(sequence >> 24), UInt8(truncatingIfNeeded: sequence >> 16), UInt8(truncatingIfNeeded: sequence >> 8),
            UInt8(truncatingIfNeeded: sequence),
        ]
        return octets + octets + octets + octets
    }

    /// Appends the `payload [2]` element holding the EncryptionContainer in clear; returns the length of the
    /// encryptedPayload octets.
    static func appendContainer(
        payload: UnsafeRawBufferPointer,
        payloadType: EncryptedPayloadType,
        byteCounter: UInt64,
        into out: inout [UInt8]
    ) -> Int {
        let bodyLength = payload.count + 10
        let sequenceHeaderLength = bodyLength < 128 ? 2 : bodyLength < 32_768 ? 4 : 5
        let plainLength = bodyLength + sequenceHeaderLength
        let contentLength = (plainLength + 15) / 16 * 16
        let containerContent = 3 + DERWriter.elementLength(contentLength: contentLength) + 3
        DERWriter.appendHeader(0xA2, length: DERWriter.elementLength(contentLength: containerContent), to: &out)
        DERWriter.appendHeader(0xA4, length: containerContent, to: &out)
        out.append(contentsOf: [0x80, 0x01, EncryptionType.none])
        DERWriter.appendHeader(0x81, length: contentLength, to: &out)
        out.append(0x30)
        switch sequenceHeaderLength {
        case 2:
            out.append(UInt8(bodyLength))
        case 4:
            out.append(contentsOf: [0x82, UInt8(bodyLength >> 8), UInt8(truncatingIfNeeded: bodyLength)])
        default:
            out.append(contentsOf: [
                0x83, UInt8(truncatingIfNeeded: bodyLength >> 16), UInt8(truncatingIfNeeded: bodyLength >> 8),
                UInt8(truncatingIfNeeded: bodyLength),
            ])
        }
        out.append(contentsOf: [0x80, 0x08])
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: byteCounter >> UInt64(shift)))
        }
        out.append(0xA1)
        out.append(contentsOf: payload.dropFirst())
        out.append(contentsOf: repeatElement(0, count: contentLength - plainLength))
        out.append(contentsOf: [0x82, 0x01, payloadType.rawValue])
        return contentLength
    }
}

/// Where the parts of a record written by ``RecordEncryptor`` lie in its buffer.
public struct EncryptedRecordLayout: Sendable, Equatable {
    /// The offset of the PS-PDU's first octet.
    public var recordStart: Int
    /// The offset just past the PS-PDU.
    public var recordEnd: Int
    /// The offset of the encryptionType value octet.
    public var encryptionTypeOffset: Int
    /// The offset of the first encryptedPayload octet.
    public var contentStart: Int
    /// The offset just past the encryptedPayload octets.
    public var contentEnd: Int
    /// The record's sequence number (its low 32 bits), from which the IV comes.
    public var sequence: UInt32
}

/// The `EncryptionType` values used here.
enum EncryptionType {
    /// none(1): the pre-encryption form.
    static let none: UInt8 = 1
    /// aES-192-CBC(3).
    static let aes192CBC: UInt8 = 3
}

/// Why a record could not be encrypted.
public enum RecordEncryptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cipher refused (given: its message); never expected with a 24-octet key and block-aligned input.
    case cipherFailed(String)

    public var description: String {
        switch self {
        case .cipherFailed(let message): "AES-192-CBC encryption failed: \(message)"
        }
    }
}
