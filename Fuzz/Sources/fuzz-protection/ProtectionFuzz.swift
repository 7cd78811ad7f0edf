import ETSI
import FuzzSupport

/// The LEMF side of payload encryption and integrity checks, and the key files an operator hands it.
///
/// Input: one byte that picks what is read, then:
/// - 0 to 191: a stream of PS-PDUs (cut as the byte's low bits say, see ``Chunks``), each opened as the built-in
///   LEMF and `verify` do (DER check, decryption with a fixed AES-192 key, ``IntegrityCheck`` reading) and fed to
///   an ``IntegrityVerifier`` with a small memory budget, which is finished at the end;
/// - 192 to 223: an encryption key file (``PayloadEncryptionKey``);
/// - 224 to 255: a PEM key file, read as a verifying and as a signing key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtection(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    switch selector {
    case 192..<224:
        _ = try? PayloadEncryptionKey(fileContents: Array(input.rest))
    case 224...:
        let text = String(decoding: input.rest, as: UTF8.self)
        _ = try? IntegrityVerifyingKey(pem: text)
        _ = try? IntegritySigningKey(pem: text)
    default:
        verifyStream(input.rest, seed: selector)
    }
    return 0
}

private let decryptor = (try? PayloadEncryptionKey(octets: Array(0x40...0x57))).map { RecordDecryptor(key: $0) }
private let verifyingKey = try? IntegrityVerifyingKey(pem: testPublicKey)

/// The public half of TestSupport's `IntegrityTestKeys.p256Private`, which signed the seed stream
/// (Tests/Fixtures/vectors/protected-stream.der), so the seeds' signatures verify.
private let testPublicKey = """
    -----BEGIN PUBLIC KEY-----
    MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETdUIAe6VihYHZXOTX6aBYNOOwqwo
    Jkrdz8GF2Ta5428x5iON9MXtmttxsrQrehzAz4r8egJGYnFPNuVvsOf/zg==
    -----END PUBLIC KEY-----
    """

private func verifyStream(_ bytes: UnsafeRawBufferPointer, seed: UInt8) {
    guard let verifyingKey else { return }
    var verifier = IntegrityVerifier(
        key: verifyingKey,
        limits: IntegrityVerifier.Limits(recordsPerStream: 64, octets: 1 << 20, unsignedHashesPerStream: 16)
    )
    var stream: [UInt8] = []
    var start = 0
    for piece in Chunks(bytes, seed: seed) {
        stream.append(contentsOf: piece)
        while start < stream.count {
            let from = start
            let framed = stream.withUnsafeBytes { all in
                Result { () throws(DERError) in
                    try PSPDUReader.recordLength(in: UnsafeRawBufferPointer(rebasing: all[from...]))
                }
            }
            guard case .success(let length?) = framed else {
                if case .failure = framed { return }
                break
            }
            start += length
            stream[from..<start].withUnsafeBytes { record in
                _ = try? IntegrityCheck.read(from: record)
                let opened = Result { () throws(ReceivedRecordError) in
                    try ReceivedRecord.open(record, decryptor: decryptor)
                }
                switch opened {
                case .success(let received): _ = verifier.receive(received)
                case .failure(let error): verifier.noteUnreadable(error)
                }
            }
        }
    }
    _ = verifier.finish()
}
