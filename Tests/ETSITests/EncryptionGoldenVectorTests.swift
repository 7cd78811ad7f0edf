import ETSI
import TestSupport
import Testing

/// Encrypted records against golden vectors made by an independent AES implementation (Python `cryptography`,
/// Scripts/make-encryption-vectors.py) from the plain golden vectors, and read back by ``RecordDecryptor``.
@Suite struct EncryptionGoldenVectorTests {
    static let key = try? PayloadEncryptionKey(octets: Array(0x40...0x57))
    static let startSeconds: UInt32 = 1_714_521_600

    /// Encrypts the named golden record with `stream`'s state, as the sequencer does.
    static func encrypted(_ name: String, stream: inout EncryptionStream) throws -> [UInt8] {
        let key = try #require(Self.key)
        let parts = GoldenVectorTests.goldenParts(name)
        var encryptor = RecordEncryptor(key: key)
        var out: [UInt8] = []
        let layout = parts.payload.withUnsafeBytes { payload in
            encryptor.appendPlain(
                header: RecordBuilder.goldenHeader,
                cin: 7,
                sequence: parts.sequence,
                time: parts.time,
                payload: payload,
                payloadType: .part3,
                stream: &stream,
                into: &out
            )
        }
        try encryptor.encrypt(layout, in: &out)
        return out
    }

    @Test func matchesIndependentlyEncryptedVectors() throws {
        var iri = EncryptionStream(startSeconds: Self.startSeconds)
        var cc = EncryptionStream(startSeconds: Self.startSeconds)
        #expect(
            try Self.encrypted("ipiri-begin", stream: &iri).hex == VectorFiles.bytes("ipiri-begin-encrypted.der").hex
        )
        #expect(try Self.encrypted("ipiri-end", stream: &iri).hex == VectorFiles.bytes("ipiri-end-encrypted.der").hex)
        #expect(try Self.encrypted("ipcc", stream: &cc).hex == VectorFiles.bytes("ipcc-encrypted.der").hex)
    }

    @Test(arguments: ["ipiri-begin", "ipiri-end", "ipcc"])
    func decryptsToThePlainRecord(name: String) throws {
        let key = try #require(Self.key)
        let encrypted = try VectorFiles.bytes("\(name)-encrypted.der")
        let decrypted = try encrypted.withUnsafeBytes { try RecordDecryptor(key: key).decrypt($0) }
        #expect(decrypted.plainRecord.hex == GoldenVectorTests.goldenRecord(name).hex)
        #expect(decrypted.payloadType == .part3)
        #expect(decrypted.byteCounter >> 32 == UInt64(Self.startSeconds))
        #expect(decrypted.preEncryptionForm.count == encrypted.count)
        _ = try encrypted.withUnsafeBytes { try PSPDUReader.summarize($0) }
        _ = try decrypted.plainRecord.withUnsafeBytes { try PSPDUReader.summarize($0) }
    }

    @Test func aWrongKeyIsDetected() throws {
        let wrong = try PayloadEncryptionKey(octets: [UInt8](repeating: 0x11, count: 24))
        for name in ["ipiri-begin", "ipiri-end", "ipcc"] {
            let encrypted = try VectorFiles.bytes("\(name)-encrypted.der")
            #expect(throws: RecordDecryptionError.notDecryptable) {
                try encrypted.withUnsafeBytes { try RecordDecryptor(key: wrong).decrypt($0) }
            }
        }
    }

    @Test func keyFilesAreHexOrRaw() throws {
        let raw = [UInt8](0x40...0x57)
        #expect(try PayloadEncryptionKey(fileContents: raw).octets == raw)
        let hex = Array("404142434445464748494a4b4c4d4e4f5051525354555657\n".utf8)
        #expect(try PayloadEncryptionKey(fileContents: hex).octets == raw)
        #expect(throws: ProtectionKeyError.encryptionKeyLength(16)) {
            try PayloadEncryptionKey(fileContents: Array("00112233445566778899aabbccddeeff".utf8))
        }
        #expect(try PayloadEncryptionKey(fileContents: raw).fingerprint.hasPrefix("sha256:"))
    }
}
