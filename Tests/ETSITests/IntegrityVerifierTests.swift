import ETSI
import TestSupport
import Testing

@Suite("Integrity verifier")
struct IntegrityVerifierTests {
    /// A signing key and the public key that verifies it.
    struct KeyPair: Sendable, CustomStringConvertible {
        var name: String
        var privatePEM: String
        var publicPEM: String
        var description: String { name }
    }

    static let keyPairs = [
        KeyPair(name: "P-256", privatePEM: IntegrityTestKeys.p256Private, publicPEM: IntegrityTestKeys.p256Public),
        KeyPair(name: "P-384", privatePEM: IntegrityTestKeys.p384Private, publicPEM: IntegrityTestKeys.p384Public),
        KeyPair(
            name: "Ed25519",
            privatePEM: IntegrityTestKeys.ed25519Private,
            publicPEM: IntegrityTestKeys.ed25519Public
        ),
    ]

    private static func items(
        records: Int = 25,
        dataType: IntegrityCheck.DataType = .cc,
        signedWith pair: KeyPair = keyPairs[0],
        hash: IntegrityHashAlgorithm = .sha256,
        encrypted: Bool = false
    ) throws -> [ProtectedStream.Item] {
        var stream = ProtectedStream(
            liid: "LI-1",
            dataType: dataType,
            encryptionKey: encrypted ? try encryptionKey() : nil,
            hash: hash,
            signingKey: try IntegritySigningKey(pem: pair.privatePEM)
        )
        return try ProtectedStream.items(of: &stream, records: records, recordsPerHash: 10, hashesPerSignature: 2)
    }

    private static func encryptionKey() throws -> PayloadEncryptionKey {
        try PayloadEncryptionKey(fileContents: Array(IntegrityTestKeys.encryptionKeyFile.utf8))
    }

    /// Feeds the items' octets through ``ReceivedRecord`` as an LEMF does; returns every problem, the end's included.
    private static func verify(
        _ items: [ProtectedStream.Item],
        with verifier: inout IntegrityVerifier,
        decryptor: RecordDecryptor? = nil
    ) -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for item in items {
            let opened = item.octets.withUnsafeBytes { bytes in
                Result { () throws(ReceivedRecordError) in try ReceivedRecord.open(bytes, decryptor: decryptor) }
            }
            switch opened {
            case .success(let record): problems += verifier.receive(record).problems
            case .failure(let error): verifier.noteUnreadable(error)
            }
        }
        return problems + verifier.finish()
    }

    @Test("a whole stream verifies: every record covered, every hash and signature verified", arguments: keyPairs)
    func goodStream(pair: KeyPair) throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: pair.publicPEM))
        let problems = Self.verify(try Self.items(signedWith: pair), with: &verifier)
        #expect(problems.isEmpty)
        let report = try #require(verifier.reports["LI-1"])
        #expect(report.records == 25)
        #expect(report.recordsCovered == 25)
        #expect(report.hashesVerified == 3)
        #expect(report.signaturesVerified == 2)
        #expect(report.isIntact)
        #expect(report.text.hasSuffix(": intact"))
    }

    @Test("every hash algorithm, IRI streams too", arguments: IntegrityHashAlgorithm.allCases)
    func hashAlgorithms(hash: IntegrityHashAlgorithm) throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p384Private))
        let problems = Self.verify(
            try Self.items(dataType: .iri, signedWith: Self.keyPairs[1], hash: hash),
            with: &verifier
        )
        #expect(problems.isEmpty)
        #expect(verifier.isIntact)
    }

    @Test("encrypted records and TRIs: decrypted first, hashed in their pre-encryption form")
    func encryptedStream() throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let items = try Self.items(encrypted: true)
        let decryptor = RecordDecryptor(key: try Self.encryptionKey())
        #expect(Self.verify(items, with: &verifier, decryptor: decryptor).isEmpty)
        #expect(verifier.reports["LI-1"]?.recordsCovered == 25)
        #expect(verifier.isIntact)
    }

    @Test("encrypted records without the key cannot be checked: the hash names them unreadable, not dropped")
    func encryptedWithoutKey() throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let decryptor = RecordDecryptor(key: try Self.encryptionKey())
        var problems: [IntegrityProblem] = []
        for item in try Self.items(records: 10, encrypted: true) {
            let key: RecordDecryptor? = item.kind == .record(3) ? nil : decryptor
            let record = try item.octets.withUnsafeBytes { try ReceivedRecord.open($0, decryptor: key) }
            problems += verifier.receive(record).problems
        }
        #expect(problems.map(\.kind) == [.recordsUnreadable(hash: 1, records: [3])])
        #expect(problems.first?.description.contains("that could not be read (altered, or no key)") == true)
        #expect(verifier.reports["LI-1"]?.recordsUnreadable == 1)
        #expect(verifier.reports["LI-1"]?.recordsMissing == 0)
        #expect(!verifier.isIntact)
    }

    @Test("an altered record fails its hash, named by stream, hash and records; the signature still verifies")
    func alteredRecord() throws {
        var items = try Self.items()
        let index = try #require(items.firstIndex { $0.kind == .record(5) })
        items[index].octets[items[index].octets.count - 1] ^= 0xFF
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let problems = Self.verify(items, with: &verifier)
        #expect(problems.map(\.kind) == [.hashMismatch(hash: 1, records: Array(0...9))])
        #expect(
            problems.first?.description
                == #"LIID "LI-1" CIN 7 CC: hash TRI 1 (records 0-9): hash mismatch, a record was altered"#
        )
        let report = try #require(verifier.reports["LI-1"])
        #expect(report.hashesFailed == 1)
        #expect(report.recordsInFailedHashes == 10)
        #expect(report.recordsCovered == 15)
        #expect(report.signaturesVerified == 2)
        #expect(!report.isIntact)
    }

    @Test("a dropped record is missing from its hash")
    func droppedRecord() throws {
        let items = try Self.items().filter { $0.kind != .record(12) }
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let problems = Self.verify(items, with: &verifier)
        #expect(problems.map(\.kind) == [.recordsMissing(hash: 2, records: [12])])
        #expect(problems.first?.description.contains("lists records 12 that never arrived (dropped)") == true)
        #expect(verifier.reports["LI-1"]?.recordsMissing == 1)
        #expect(verifier.reports["LI-1"]?.records == 24)
        #expect(!verifier.isIntact)
    }

    @Test("a dropped hash TRI leaves its records uncovered and its signature short of a hash")
    func droppedHash() throws {
        let items = try Self.items().filter { $0.kind != .hash(2) }
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let problems = Self.verify(items, with: &verifier)
        #expect(
            problems.map(\.kind) == [
                .hashesMissing(signature: 1, hashes: [2]), .recordsNotCovered(records: Array(10...19)),
            ]
        )
        #expect(verifier.reports["LI-1"]?.signaturesFailed == 1)
    }

    @Test("a dropped signature TRI leaves its hashes not signed")
    func droppedSignature() throws {
        let items = try Self.items().filter { $0.kind != .signature(2) }
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        #expect(Self.verify(items, with: &verifier).map(\.kind) == [.hashesNotSigned(hashes: [3])])
        #expect(verifier.reports["LI-1"]?.hashesNotSigned == 1)
        #expect(!verifier.isIntact)
    }

    @Test("a signature that was altered does not verify")
    func badSignature() throws {
        let items = try Self.items()
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        var problems: [IntegrityProblem] = []
        for item in items {
            let record = try item.octets.withUnsafeBytes { try ReceivedRecord.open($0, decryptor: nil) }
            guard item.kind == .signature(1) else {
                problems += verifier.receive(record).problems
                continue
            }
            var (check, _) = try #require(try record.plainRecord.withUnsafeBytes { try IntegrityCheck.read(from: $0) })
            check.checkValue[check.checkValue.count / 2] ^= 0x01
            let outcome = verifier.add(check, contentOctets: check.contentOctets, number: 1, liid: "LI-1", cin: 7)
            #expect(outcome.verdict == .signatureFailed)
            problems += outcome.problems
        }
        #expect(problems.map(\.kind) == [.signatureMismatch(signature: 1, hashes: [1, 2])])
        #expect(verifier.reports["LI-1"]?.signaturesVerified == 1)
    }

    @Test("the wrong public key fails every signature, not the hashes")
    func wrongKey() throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.otherP256Public))
        let problems = Self.verify(try Self.items(), with: &verifier)
        #expect(
            problems.map(\.kind) == [
                .signatureMismatch(signature: 1, hashes: [1, 2]), .signatureMismatch(signature: 2, hashes: [3]),
            ]
        )
        #expect(problems.first?.description.contains("does not verify with the key (wrong key, or altered)") == true)
        #expect(verifier.reports["LI-1"]?.hashesVerified == 3)
        #expect(verifier.reports["LI-1"]?.signaturesFailed == 2)
    }

    @Test("a key of another algorithm is named as such")
    func otherAlgorithm() throws {
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let problems = Self.verify(try Self.items(signedWith: Self.keyPairs[2]), with: &verifier)
        #expect(
            problems.first?.kind == .signatureUnusable(signature: 1, reason: "signed with EdDSA, the key is ECDSA")
        )
    }

    @Test("redeliveries of records and TRIs change nothing")
    func redelivery() throws {
        let items = try Self.items()
        var verifier = IntegrityVerifier(key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public))
        let doubled = Array(items[0..<14]) + Array(items[5..<14]) + Array(items[14...]) + Array(items[20...])
        #expect(Self.verify(doubled, with: &verifier).isEmpty)
        #expect(verifier.reports["LI-1"]?.records == 25)
        #expect(verifier.isIntact)
    }

    @Test("a restarted producer numbers its TRIs from 1 again while its records go on: the new TRIs are checked")
    func restartedTRINumbering() throws {
        let signer = try IntegritySigningKey(pem: IntegrityTestKeys.p256Private)
        var first = ProtectedStream(liid: "LI-1", dataType: .cc, signingKey: signer)
        var items = try ProtectedStream.items(of: &first, records: 20, recordsPerHash: 10, hashesPerSignature: 2)
        var second = ProtectedStream(liid: "LI-1", firstRecord: 20, dataType: .cc, signingKey: signer)
        items += try ProtectedStream.items(of: &second, records: 20, recordsPerHash: 10, hashesPerSignature: 2)
        let redelivered = Array(items[11...22])
        var verifier = IntegrityVerifier(key: signer.verifyingKey)
        #expect(Self.verify(items + redelivered, with: &verifier).isEmpty)
        let report = try #require(verifier.reports["LI-1"])
        #expect(report.records == 40)
        #expect(report.recordsCovered == 40)
        #expect(report.hashesVerified == 4)
        #expect(report.signaturesVerified == 2)
        #expect(verifier.isIntact)
    }

    @Test("a cINReset lets a stream start again at 0: what the old one held is reported, the new one verifies")
    func cinReset() throws {
        let signer = try IntegritySigningKey(pem: IntegrityTestKeys.p256Private)
        var old = ProtectedStream(liid: "LI-1", dataType: .cc, signingKey: signer)
        var items = try (0..<10).map { _ in try old.record() }
        items.append(try old.hashTRI())
        var reset: [UInt8] = []
        TRIPayload.cinReset.withUnsafeBytes {
            PSPDUWriter.write(
                header: old.header,
                cin: 7,
                sequence: 0,
                time: Timestamp(seconds: 1_714_521_700, microseconds: 0),
                payload: $0,
                into: &reset
            )
        }
        items.append(ProtectedStream.Item(kind: .other, octets: reset))
        var new = ProtectedStream(liid: "LI-1", dataType: .cc, signingKey: signer)
        items += try ProtectedStream.items(of: &new, records: 10, recordsPerHash: 10, hashesPerSignature: 1)
        var verifier = IntegrityVerifier(key: signer.verifyingKey)
        #expect(Self.verify(items, with: &verifier).map(\.kind) == [.hashesNotSigned(hashes: [1])])
        let report = try #require(verifier.reports["LI-1"])
        #expect(report.records == 20)
        #expect(report.recordsCovered == 20)
        #expect(report.hashesVerified == 2)
        #expect(report.signaturesVerified == 1)
    }

    @Test("memory is bounded: a stream without hash TRIs lets its oldest records go, reported not covered")
    func limits() throws {
        var stream = ProtectedStream(liid: "LI-1", dataType: .cc, signingKey: nil)
        var verifier = IntegrityVerifier(
            key: try IntegrityVerifyingKey(pem: IntegrityTestKeys.p256Public),
            limits: IntegrityVerifier.Limits(recordsPerStream: 8)
        )
        var released: [UInt64] = []
        for _ in 0..<20 {
            let record = try stream.record()
            let opened = try record.octets.withUnsafeBytes { try ReceivedRecord.open($0, decryptor: nil) }
            for problem in verifier.receive(opened).problems {
                if case .recordsNotCovered(let records) = problem.kind { released += records }
            }
        }
        #expect(released == Array(0...11))
        let hash = try stream.hashTRI()
        let opened = try hash.octets.withUnsafeBytes { try ReceivedRecord.open($0, decryptor: nil) }
        let outcome = verifier.receive(opened)
        #expect(outcome.verdict == .hashFailed)
        #expect(outcome.problems.map(\.kind) == [.recordsReleased(hash: 1, records: Array(0...11))])
        #expect(verifier.finish().map(\.kind) == [.hashesNotSigned(hashes: [1])])
        #expect(verifier.reports["LI-1"]?.recordsNotCovered == 12)
    }
}
