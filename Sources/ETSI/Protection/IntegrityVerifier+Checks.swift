/// Checking hash and signature TRIs.
extension IntegrityVerifier {
    /// Takes one integrity check TRI of `liid` and `cin`, numbered `number` (its own sequence number), with the
    /// content octets of its integrityCheck element as received.
    public mutating func add(
        _ check: IntegrityCheck,
        contentOctets: [UInt8],
        number: UInt64,
        liid: String,
        cin: UInt32?
    ) -> IntegrityOutcome {
        let stream = IntegrityStream(liid: liid, cin: cin, dataType: check.dataType)
        var state = streams.removeValue(forKey: stream) ?? IntegrityStreamState()
        defer { streams[stream] = state }
        // A number seen before is a redelivery (after a reconnection), unless the TRI lists what still waits for a
        // check: then its producer started numbering its TRIs again (a restarted appliance continues the records'
        // numbers but numbers its TRIs from 1, as OpenLI does), and it is a new TRI.
        switch check.checkType {
        case .hash:
            let listsWaiting = check.includedSequenceNumbers.contains { state.records[$0] != nil }
            guard !state.hashesSeen.contains(number) || listsWaiting else { return IntegrityOutcome(.repeated) }
            state.hashesSeen.insert(number)
            return hash(check, contentOctets: contentOctets, number: number, stream: stream, state: &state)
        case .signature:
            let listsWaiting = check.includedSequenceNumbers.contains { state.hashes[$0] != nil }
            guard !state.signaturesSeen.contains(number) || listsWaiting else { return IntegrityOutcome(.repeated) }
            state.signaturesSeen.insert(number)
            return signature(check, number: number, stream: stream, state: &state)
        }
    }

    private mutating func hash(
        _ check: IntegrityCheck,
        contentOctets: [UInt8],
        number: UInt64,
        stream: IntegrityStream,
        state: inout IntegrityStreamState
    ) -> IntegrityOutcome {
        var hasher = check.hashAlgorithm.map(IntegrityHasher.init)
        var present: [UInt64] = []
        var missing: [UInt64] = []
        var unreadableRecords: [UInt64] = []
        var released: [UInt64] = []
        let unreadableHere = unreadable[stream.liid]?[stream.cin]
        for record in check.includedSequenceNumbers {
            if let octets = state.records.take(record) {
                heldOctets -= octets.count
                hasher?.update(octets)
                present.append(record)
            } else if state.recordsDone.contains(record) {
                released.append(record)
            } else if unreadableHere?.contains(record) == true {
                unreadableRecords.append(record)
            } else {
                missing.append(record)
            }
            state.recordsDone.insert(record)
        }
        var problems: [IntegrityProblem] = []
        if !missing.isEmpty {
            problems.append(IntegrityProblem(.recordsMissing(hash: number, records: missing), in: stream))
        }
        if !unreadableRecords.isEmpty {
            problems.append(IntegrityProblem(.recordsUnreadable(hash: number, records: unreadableRecords), in: stream))
        }
        if !released.isEmpty {
            problems.append(IntegrityProblem(.recordsReleased(hash: number, records: released), in: stream))
        }
        if hasher == nil {
            problems.append(IntegrityProblem(.hashUnusable(hash: number, reason: "no hashAlgorithm"), in: stream))
        } else if problems.isEmpty, let digest = hasher?.finalize(), digest.octets != check.checkValue {
            problems.append(IntegrityProblem(.hashMismatch(hash: number, records: present), in: stream))
        }
        let verified = problems.isEmpty
        var report = reports[stream.liid] ?? IntegrityLIIDReport()
        report.recordsMissing += missing.count
        if verified {
            report.hashesVerified += 1
            report.recordsCovered += present.count
        } else {
            report.hashesFailed += 1
            report.recordsInFailedHashes += present.count
        }
        reports[stream.liid] = report
        state.hashes.hold(contentOctets, as: number)
        problems += releaseUnsignedHashes(stream: stream, state: &state)
        return IntegrityOutcome(verified ? .hashVerified : .hashFailed, problems: problems)
    }

    /// Lets the oldest unsigned hash TRIs go when the stream holds too many.
    private mutating func releaseUnsignedHashes(
        stream: IntegrityStream,
        state: inout IntegrityStreamState
    ) -> [IntegrityProblem] {
        guard state.hashes.count > limits.unsignedHashesPerStream else { return [] }
        var released: [UInt64] = []
        while state.hashes.count > limits.unsignedHashesPerStream - limits.unsignedHashesPerStream / 8,
            let (number, _) = state.hashes.takeOldest()
        {
            released.append(number)
        }
        reports[stream.liid, default: IntegrityLIIDReport()].hashesNotSigned += released.count
        return [IntegrityProblem(.hashesNotSigned(hashes: released), in: stream)]
    }

    private mutating func signature(
        _ check: IntegrityCheck,
        number: UInt64,
        stream: IntegrityStream,
        state: inout IntegrityStreamState
    ) -> IntegrityOutcome {
        var hasher = check.hashAlgorithm.map(IntegrityHasher.init)
        var missing: [UInt64] = []
        for hash in check.includedSequenceNumbers {
            if let content = state.hashes.take(hash) {
                hasher?.update(content)
            } else {
                missing.append(hash)
            }
        }
        let problem: IntegrityProblem.Kind?
        if !missing.isEmpty {
            problem = .hashesMissing(signature: number, hashes: missing)
        } else if let algorithm = check.signatureAlgorithm, algorithm != key.algorithm {
            problem = .signatureUnusable(
                signature: number,
                reason: "signed with \(Self.name(algorithm)), the key is \(Self.name(key.algorithm))"
            )
        } else if let digest = hasher?.finalize() {
            problem =
                key.isValidSignature(check.checkValue, of: digest)
                ? nil : .signatureMismatch(signature: number, hashes: check.includedSequenceNumbers)
        } else {
            problem = .signatureUnusable(signature: number, reason: "no hashAlgorithm")
        }
        guard let problem else {
            reports[stream.liid, default: IntegrityLIIDReport()].signaturesVerified += 1
            return IntegrityOutcome(.signatureVerified)
        }
        reports[stream.liid, default: IntegrityLIIDReport()].signaturesFailed += 1
        return IntegrityOutcome(.signatureFailed, problems: [IntegrityProblem(problem, in: stream)])
    }

    private static func name(_ algorithm: IntegritySignatureAlgorithm) -> String {
        switch algorithm {
        case .ecdsa: "ECDSA"
        case .eddsa: "EdDSA"
        }
    }
}
