import ETSI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Applies each agency's protection to the records the sequencer writes: payload encryption (``RecordEncryptor``,
/// one ``EncryptionStream`` per LIID for IRIs and HI1 notifications and one for CCs, as OpenLI keeps them) and
/// integrity checks (one ``IntegrityChain`` per LIID, CIN and handover; hash TRIs after each agency's count or
/// interval, signature TRIs after its count of hashes or interval, and a final hash and signature of every stream
/// when the run stops or the agency's integrity checks are turned off).
///
/// A record is hashed in the form it has before encryption; TRIs are encrypted like records (payload type part 1)
/// but never hashed. Owned by the ``Sequencer``, on its stage thread.
final class RecordProtector {
    /// One agency's protection and its encryptor.
    private final class AgencyState {
        let protection: AgencyProtection
        var encryptor: RecordEncryptor?

        init(_ protection: AgencyProtection) {
            self.protection = protection
            encryptor = protection.encryptionKey.map { RecordEncryptor(key: $0) }
        }
    }

    private struct EncryptionStreamKey: Hashable {
        var intercept: Int32
        var isCC: Bool
    }

    private var agencyStates: [String: AgencyState] = [:]
    /// The state of each intercept's agency (nil: unprotected), by intercept index.
    private var stateOfIntercept: [AgencyState?] = []
    private var encryptionStreams: [EncryptionStreamKey: EncryptionStream] = [:]
    private var chains: [Sequencer.StreamKey: IntegrityChain] = [:]
    private let clock: () -> Int64
    private var lastTimedCheckMicros: Int64 = 0

    /// Hash TRIs sent.
    private(set) var hashChecks = 0
    /// Signature TRIs sent.
    private(set) var signatureChecks = 0
    /// Records or TRIs not sent because encryption or signing failed (never expected; nothing goes out unprotected).
    private(set) var failures = 0

    /// A protector; `clock` gives µs since the epoch (TRI time stamps and the check intervals).
    init(clock: @escaping () -> Int64 = RecordProtector.wallClockMicros) {
        self.clock = clock
    }

    /// Takes the protection of `plan`'s agencies. Streams of an agency whose protection changes get their final
    /// checks first (written with the plan they were made under, `previous`) and keep their TRI numbering; the
    /// streams of warrants no longer in force are dropped once checked.
    func adopt(_ plan: InterceptPlan, previous: InterceptPlan?, output: inout SequencerOutput) {
        var states: [String: AgencyState] = [:]
        for (agency, protection) in plan.protection {
            if let known = agencyStates[agency], known.protection.isSame(as: protection) {
                states[agency] = known
            } else {
                states[agency] = AgencyState(protection)
            }
        }
        if let previous {
            for key in Array(chains.keys) {
                let agency = previous.intercepts[Int(key.intercept)].agency
                if states[agency] !== agencyStates[agency] {
                    finishChain(key, plan: previous, output: &output)
                    if let hash = states[agency]?.protection.integrity?.hash { chains[key]?.restart(hash: hash) }
                }
                if !plan.intercepts[Int(key.intercept)].active {
                    finishChain(key, plan: previous, output: &output)
                    chains[key] = nil
                }
            }
        }
        agencyStates = states
        stateOfIntercept = plan.intercepts.map { states[$0.agency] }
    }

    /// Whether the intercept's records need this protector.
    func protects(_ intercept: Int32) -> Bool {
        stateOfIntercept.indices.contains(Int(intercept)) && stateOfIntercept[Int(intercept)] != nil
    }

    /// Whether any stream has records or hashes waiting for a check (the sequencer then wakes up to send them).
    var hasPendingChecks: Bool { chains.values.contains { $0.isPending } }

    /// Writes one record of a protected intercept into `output`, then any check it makes due.
    func write(
        _ intercept: Intercept,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payload: UnsafeRawBufferPointer,
        kind: RecordKind,
        slot: Int,
        output: inout SequencerOutput
    ) {
        guard let state = stateOfIntercept[Int(intercept.index)] else { return }
        let payloadType = kind == .hi1 ? EncryptedPayloadType.part1 : intercept.encryptedPayloadType
        if append(
            intercept,
            state: state,
            cin: cin,
            sequence: sequence,
            time: time,
            payload: payload,
            payloadType: payloadType,
            isCC: kind == .cc,
            slot: slot,
            output: &output,
            hashing: true
        ) {
            output.pendingRecords[slot] += 1
        }
    }

    /// Writes a TRI (cINReset) of a protected intercept: encrypted when the agency's records are, never hashed.
    func writeTRI(
        _ intercept: Intercept,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payload: UnsafeRawBufferPointer,
        isCC: Bool,
        slot: Int,
        output: inout SequencerOutput
    ) {
        guard let state = stateOfIntercept[Int(intercept.index)] else { return }
        if append(
            intercept,
            state: state,
            cin: cin,
            sequence: sequence,
            time: time,
            payload: payload,
            payloadType: .part1,
            isCC: isCC,
            slot: slot,
            output: &output,
            hashing: false
        ) {
            output.pendingRecords[slot] += 1
        }
    }

    /// Appends one PS-PDU, encrypted when the agency wants it; hashes it (before encryption) when `hashing`, and
    /// sends the checks that makes due. False when encryption failed (the PDU is taken back).
    private func append(
        _ intercept: Intercept,
        state: AgencyState,
        cin: UInt32,
        sequence: UInt64,
        time: Timestamp,
        payload: UnsafeRawBufferPointer,
        payloadType: EncryptedPayloadType,
        isCC: Bool,
        slot: Int,
        output: inout SequencerOutput,
        hashing: Bool
    ) -> Bool {
        let start = output.buffers[slot].count
        var layout: EncryptedRecordLayout?
        if state.encryptor != nil {
            let streamKey = EncryptionStreamKey(intercept: intercept.index, isCC: isCC)
            var stream = encryptionStreams[streamKey] ?? EncryptionStream(startSeconds: currentSeconds())
            layout = state.encryptor?.appendPlain(
                header: intercept.header,
                cin: cin,
                sequence: sequence,
                time: time,
                payload: payload,
                payloadType: payloadType,
                stream: &stream,
                into: &output.buffers[slot]
            )
            encryptionStreams[streamKey] = stream
        } else {
            PSPDUWriter.write(
                header: intercept.header,
                cin: cin,
                sequence: sequence,
                time: time,
                payload: payload,
                into: &output.buffers[slot]
            )
        }
        let end = output.buffers[slot].count
        var dueKey: Sequencer.StreamKey?
        if hashing, let integrity = state.protection.integrity {
            let key = Sequencer.StreamKey(intercept: intercept.index, cin: cin, isCC: isCC)
            let now = clock()
            var chain = chains[key] ?? IntegrityChain(slot: slot, isCC: isCC, hash: integrity.hash)
            output.buffers[slot].withUnsafeBytes { buffer in
                chain.add(UnsafeRawBufferPointer(rebasing: buffer[start..<end]), sequence: sequence, now: now)
            }
            chains[key] = chain
            if chain.hashIsDue(integrity, now: now) { dueKey = key }
        }
        if let layout, let encryptor = state.encryptor {
            do {
                try encryptor.encrypt(layout, in: &output.buffers[slot])
            } catch {
                output.buffers[slot].removeSubrange(start..<end)
                failures += 1
                return false
            }
        }
        if let dueKey {
            sendDueChecks(dueKey, intercept: intercept, state: state, output: &output, final: false)
        }
        return true
    }

    /// Sends the checks that are due on time (called when the sequencer wakes up idle, and after each batch: then
    /// at most every 10 ms, as it looks at every stream).
    func sendTimedChecks(plan: InterceptPlan, output: inout SequencerOutput, afterBatch: Bool = false) {
        guard !chains.isEmpty else { return }
        let now = clock()
        if afterBatch, now - lastTimedCheckMicros < 10_000 { return }
        lastTimedCheckMicros = now
        for key in chains.keys {
            guard let state = stateOfIntercept[Int(key.intercept)] else { continue }
            sendDueChecks(
                key,
                intercept: plan.intercepts[Int(key.intercept)],
                state: state,
                output: &output,
                final: false
            )
        }
    }

    /// Sends the final hash and signature of every stream (the run stops).
    func finish(plan: InterceptPlan, output: inout SequencerOutput) {
        for key in chains.keys { finishChain(key, plan: plan, output: &output) }
    }

    private func finishChain(_ key: Sequencer.StreamKey, plan: InterceptPlan, output: inout SequencerOutput) {
        let intercept = plan.intercepts[Int(key.intercept)]
        guard let state = agencyStates[intercept.agency] else { return }
        sendDueChecks(key, intercept: intercept, state: state, output: &output, final: true)
    }

    /// Sends the hash TRI and then the signature TRI of a stream when due (both when `final`).
    private func sendDueChecks(
        _ key: Sequencer.StreamKey,
        intercept: Intercept,
        state: AgencyState,
        output: inout SequencerOutput,
        final: Bool
    ) {
        guard let integrity = state.protection.integrity, var chain = chains[key] else { return }
        let now = clock()
        var checks: [(IntegrityCheck, UInt64)] = []
        if chain.hashIsDue(integrity, now: now, final: final) {
            checks.append(chain.takeHash(integrity, now: now))
            hashChecks += 1
        }
        if let signingKey = integrity.signingKey, chain.signatureIsDue(integrity, now: now, final: final) {
            do {
                checks.append(try chain.takeSignature(integrity, key: signingKey))
                signatureChecks += 1
            } catch {
                failures += 1
            }
        }
        chains[key] = chain
        let time = Timestamp(epochMicros: now)
        for (check, number) in checks {
            let sent = check.payloadElement.withUnsafeBytes { payload in
                append(
                    intercept,
                    state: state,
                    cin: key.cin,
                    sequence: number,
                    time: time,
                    payload: payload,
                    payloadType: .part1,
                    isCC: key.isCC,
                    slot: chain.slot,
                    output: &output,
                    hashing: false
                )
            }
            if sent { output.pendingRecords[chain.slot] += 1 }
        }
    }

    private func currentSeconds() -> UInt32 {
        UInt32(truncatingIfNeeded: max(0, clock() / 1_000_000))
    }

    /// Microseconds since the epoch, from the system clock.
    static func wallClockMicros() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}

extension Intercept {
    /// The encryptedPayloadType of this intercept's IRIs and CCs, as OpenLI sets it.
    var encryptedPayloadType: EncryptedPayloadType {
        if !voipTargets.isEmpty { return .part5 }
        if !emailTargets.isEmpty { return .part2 }
        if !mobileTargets.isEmpty { return .part7 }
        return .part3
    }
}

extension AgencyProtection {
    /// Whether two protections use the same keys and settings (so an agency's streams continue unchanged).
    func isSame(as other: AgencyProtection) -> Bool {
        encryptionKey == other.encryptionKey && integrity?.summary == other.integrity?.summary
    }
}

extension IntegritySettings {
    /// The settings as comparable values (the signing key by its public key).
    var summary: String {
        "\(hash.name) \(recordsPerHash) \(hashIntervalMicros) \(hashesPerSignature) \(signatureIntervalMicros) "
            + (signingKey.map { $0.verifyingKey.identity } ?? "unsigned")
    }
}
