import Collector
import Crypto
import ETSI
import Synchronization
import Testing
import Warrants

/// The sequencer protects an agency's records: every record and TRI in an EncryptionContainer, hash TRIs over the
/// records (in their pre-encryption form) and signature TRIs over the hash TRIs, as ``IntegrityCheck`` documents.
@Suite struct SequencerProtectionTests {
    /// Collects every PS-PDU delivered, per handover.
    final class CollectingSink: RecordSink {
        let pdus = Mutex<[(Handover, [UInt8])]>([])

        func deliver(agency: String, handover: Handover, bytes: [UInt8], records: Int) {
            var offset = 0
            var count = 0
            while offset < bytes.count {
                let length = bytes.withUnsafeBytes { all in
                    (try? PSPDUReader.recordLength(in: UnsafeRawBufferPointer(rebasing: all[offset...]))) ?? nil
                }
                guard let length else { return }
                pdus.withLock { $0.append((handover, Array(bytes[offset..<(offset + length)]))) }
                offset += length
                count += 1
            }
            #expect(count == records)
        }
    }

    let key = try? PayloadEncryptionKey(octets: Array(0x40...0x57))
    let signingKey = P256.Signing.PrivateKey()

    func plan(encrypted: Bool) throws -> InterceptPlan {
        let endpoint = Endpoint(host: "127.0.0.1", port: 9)
        let snapshot = StoreSnapshot(
            changeID: 1,
            agencies: [Agency(name: "LEA", hi2: endpoint, hi3: endpoint, countryCode: "NZ", plaintext: true)],
            warrants: [PipelineTests.warrant("PROTECT-1", prefixes: ["198.51.100.7/32"])],
            servers: []
        )
        var plan = try InterceptPlan(snapshot: snapshot, operatorIdentifier: "op", networkElementIdentifier: "ne")
        plan.protection["LEA"] = AgencyProtection(
            encryptionKey: encrypted ? key : nil,
            integrity: IntegritySettings(
                hash: .sha384,
                recordsPerHash: 4,
                signingKey: try IntegritySigningKey(pem: signingKey.pemRepresentation)
            )
        )
        return plan
    }

    /// `count` CC records of CIN 7 and one IRI of CIN 7.
    func batch(_ count: Int) -> RecordBatch {
        var payload: [UInt8] = []
        [UInt8](repeating: 0x45, count: 20).withUnsafeBytes { packet in
            IPCCPayload.write(profile: .current, direction: .fromTarget, ipPacket: packet, into: &payload)
        }
        let batch = RecordBatch(owner: 0, records: count + 1, arenaBytes: (count + 1) * payload.count)
        for index in 0..<count {
            batch.append(interceptIndex: 0, cin: 7, timeMicros: 1_000_000 + Int64(index), kind: .cc, payload: payload)
        }
        let iri = IPIRIPayload.encode(
            profile: .current,
            type: .begin,
            contents: IPIRIContents(
                accessEventType: .accessAccept,
                targetUsername: "target",
                internetAccessType: .fTTx,
                iPVersion: .iPV4
            )
        )
        batch.append(interceptIndex: 0, cin: 7, timeMicros: 1_000_000, kind: .iri(.begin), payload: iri)
        return batch
    }

    func run(encrypted: Bool) throws -> [(Handover, [UInt8])] {
        let sink = CollectingSink()
        let sequencer = Sequencer(plan: try plan(encrypted: encrypted), sink: sink, clock: { 1_714_521_600_000_000 })
        sequencer.process(batch(10))
        sequencer.finish()
        #expect(sequencer.hashChecks == 4)
        #expect(sequencer.signatureChecks == 2)
        #expect(sequencer.protectionFailures == 0)
        return sink.pdus.withLock { $0 }
    }

    /// The plain records and the forms the hashes cover: decrypted when `key` is given.
    func open(_ pdu: [UInt8], key: PayloadEncryptionKey?) throws -> (plain: [UInt8], hashed: [UInt8]) {
        guard let key else { return (pdu, pdu) }
        let decrypted = try pdu.withUnsafeBytes { try RecordDecryptor(key: key).decrypt($0) }
        return (decrypted.plainRecord, decrypted.preEncryptionForm)
    }

    @Test(arguments: [false, true])
    func hashesAndSignaturesCoverEveryRecord(encrypted: Bool) throws {
        let pdus = try run(encrypted: encrypted)
        let verifier = try IntegrityVerifyingKey(pem: signingKey.publicKey.pemRepresentation)
        var checked: [Handover: (records: Int, hashes: Int, signatures: Int)] = [:]
        for handover in Handover.allCases {
            var hashed: [UInt64: [UInt8]] = [:]
            var hashContents: [UInt64: [UInt8]] = [:]
            var counts = (records: 0, hashes: 0, signatures: 0)
            for (_, pdu) in pdus.filter({ $0.0 == handover }) {
                let opened = try open(pdu, key: encrypted ? key : nil)
                #expect(encrypted == pdu.withUnsafeBytes { RecordDecryptor.isEncrypted($0) })
                let summary = try opened.plain.withUnsafeBytes { try PSPDUReader.summarize($0) }
                guard let (check, content) = try opened.plain.withUnsafeBytes({ try IntegrityCheck.read(from: $0) })
                else {
                    hashed[summary.sequence] = opened.hashed
                    counts.records += 1
                    continue
                }
                #expect(check.dataType == (handover == .hi3 ? .cc : .iri))
                if check.checkType == .hash {
                    var hasher = IntegrityHasher(.sha384)
                    for number in check.includedSequenceNumbers {
                        let record = hashed.removeValue(forKey: number)
                        hasher.update(try #require(record))
                    }
                    #expect(hasher.finalize().octets == check.checkValue)
                    hashContents[summary.sequence] = content
                    counts.hashes += 1
                } else {
                    var hasher = IntegrityHasher(.sha384)
                    for number in check.includedSequenceNumbers {
                        let content = hashContents.removeValue(forKey: number)
                        hasher.update(try #require(content))
                    }
                    #expect(verifier.isValidSignature(check.checkValue, of: hasher.finalize()))
                    #expect(check.signatureAlgorithm == .ecdsa)
                    counts.signatures += 1
                }
            }
            #expect(hashed.isEmpty, "records not covered by a hash")
            #expect(hashContents.isEmpty, "hashes not covered by a signature")
            checked[handover] = counts
        }
        #expect(checked[.hi3]?.records == 10 && checked[.hi3]?.hashes == 3 && checked[.hi3]?.signatures == 1)
        #expect(checked[.hi2]?.records == 1 && checked[.hi2]?.hashes == 1 && checked[.hi2]?.signatures == 1)
    }

    @Test func aHashIsSentWhenItsIntervalEndsWithoutMoreRecords() throws {
        let sink = CollectingSink()
        let now = Mutex<Int64>(1_714_521_600_000_000)
        var plan = try plan(encrypted: false)
        plan.protection["LEA"]?.integrity?.recordsPerHash = 1000
        let sequencer = Sequencer(plan: plan, sink: sink, clock: { now.withLock { $0 } })
        sequencer.process(batch(2))
        #expect(sequencer.hasPendingChecks)
        sequencer.tick()
        #expect(sequencer.hashChecks == 0)
        now.withLock { $0 += 1_000_000 }
        sequencer.tick()
        #expect(sequencer.hashChecks == 2)
        #expect(sequencer.signatureChecks == 0)
        now.withLock { $0 += 300_000_000 }
        sequencer.tick()
        #expect(sequencer.signatureChecks == 2)
        #expect(!sequencer.hasPendingChecks)
    }

    @Test func hi1NotificationsAndIRIsAndCCsCarryTheirPayloadTypes() throws {
        let sink = CollectingSink()
        let sequencer = Sequencer(plan: try plan(encrypted: true), sink: sink)
        let batch = batch(1)
        let notification = HI1Payload.encode(
            operation: .activated,
            liid: "PROTECT-1",
            operatorIdentifier: "op",
            networkElementIdentifier: "ne",
            time: Timestamp(seconds: 1_714_521_600, microseconds: 0),
            targetInformation: nil
        )
        batch.append(interceptIndex: 0, cin: 0, timeMicros: 1_000_000, kind: .hi1, payload: notification)
        sequencer.process(batch)
        sequencer.finish()
        let key = try #require(key)
        var types: [String: EncryptedPayloadType?] = [:]
        for (_, pdu) in sink.pdus.withLock({ $0 }) {
            let decrypted = try pdu.withUnsafeBytes { try RecordDecryptor(key: key).decrypt($0) }
            let summary = try decrypted.plainRecord.withUnsafeBytes { try PSPDUReader.summarize($0) }
            types["\(summary.kind)"] = decrypted.payloadType
        }
        #expect(types["cc"] == .part3)
        #expect(types["iri"] == .part3)
        #expect(types["hi1(ETSI.HI1Payload.Operation.activated)"] == .part1)
        #expect(types["tri"] == .part1)
    }
}
