import Collector
import ETSI
import Foundation
import Synchronization
import TestSupport
import Testing
import Warrants

/// No record leaves the sequencer before its number is journaled: while the journal cannot be written (a full
/// disk) the sequencer holds the capture gate closed and tries again; if the run is stopped first, the records are
/// counted and their numbers taken back, so a stream never skips or reuses a number.
@Suite(.serialized, .enabled(if: SmallFileSystem.canMount, "needs to mount a tmpfs (root)"))
struct SequencerJournalFailureTests {
    final class CountingSink: RecordSink {
        let sequences = Mutex<[UInt64]>([])

        func deliver(agency: String, handover: Handover, bytes: [UInt8], records: Int) {
            var offset = 0
            while offset < bytes.count {
                let summary = bytes.withUnsafeBytes { all -> PSPDUSummary? in
                    let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
                    guard let length = try? PSPDUReader.recordLength(in: rest) else { return nil }
                    return try? PSPDUReader.summarize(UnsafeRawBufferPointer(rebasing: rest[..<length]), lenient: true)
                }
                guard let summary else { return }
                sequences.withLock { $0.append(summary.sequence) }
                offset += summary.length
            }
        }
    }

    func plan() throws -> InterceptPlan {
        let endpoint = Endpoint(host: "127.0.0.1", port: 9)
        let snapshot = StoreSnapshot(
            changeID: 1,
            agencies: [Agency(name: "LEA", hi2: endpoint, hi3: endpoint, countryCode: "NZ", plaintext: true)],
            warrants: [PipelineTests.warrant("JOURNAL-1", prefixes: ["198.51.100.7/32"])],
            servers: []
        )
        return try InterceptPlan(snapshot: snapshot, operatorIdentifier: "op", networkElementIdentifier: "ne")
    }

    /// A batch of `count` CC records of the plan's only warrant, CIN 7.
    func batch(_ count: Int) -> RecordBatch {
        var payload: [UInt8] = []
        [UInt8](repeating: 0x45, count: 20).withUnsafeBytes { packet in
            IPCCPayload.write(profile: .current, direction: .fromTarget, ipPacket: packet, into: &payload)
        }
        let batch = RecordBatch(owner: 0, records: count, arenaBytes: count * payload.count)
        for index in 0..<count {
            batch.append(interceptIndex: 0, cin: 7, timeMicros: 1_000_000 + Int64(index), kind: .cc, payload: payload)
        }
        return batch
    }

    /// Runs `sequencer.process(batch)` on a thread of its own; returns when the gate closes (the journal failed).
    func processBlocked(_ sequencer: Sequencer, _ batch: RecordBatch, gate: CaptureGate) -> Thread {
        let box = UncheckedBox((sequencer, batch))
        let thread = Thread { box.value.0.process(box.value.1) }
        thread.start()
        let deadline = Date().addingTimeInterval(10)
        while !gate.isClosed && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return thread
    }

    /// Appends a line the journal skips so that the file ends at a page boundary: its next line needs a new page.
    func padToPageEnd(_ path: String) throws {
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let pad = 4096 - size % 4096 + (size % 4096 > 4094 ? 4096 : 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: pad - 1) + Data("\n".utf8))
        try handle.close()
    }

    func waitUntilFinished(_ thread: Thread) {
        let deadline = Date().addingTimeInterval(10)
        while !thread.isFinished && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    @Test func aFullDiskHoldsTheRecordsUntilTheJournalCanBeWritten() throws {
        let disk = try SmallFileSystem(kilobytes: 64)
        defer { disk.unmount() }
        let journal = try SequenceJournal(path: disk.path + "/sequence-numbers.journal")
        let sink = CountingSink()
        let gate = CaptureGate()
        let stop = StopSignal()
        let sequencer = Sequencer(plan: try plan(), sink: sink, journal: journal, gate: gate, stop: stop)
        let filler = disk.fill()
        let thread = processBlocked(sequencer, batch(5), gate: gate)
        #expect(gate.isClosed)
        #expect(gate.reasons.first?.hasPrefix("sequence journal") == true)
        #expect(sink.sequences.withLock { $0 }.isEmpty)
        try FileManager.default.removeItem(atPath: filler)
        waitUntilFinished(thread)
        #expect(!gate.isClosed)
        #expect(sink.sequences.withLock { $0 } == [0, 1, 2, 3, 4])
        #expect(sequencer.journalFailures > 0)
        let reopened = try SequenceJournal(path: disk.path + "/sequence-numbers.journal")
        #expect(reopened.next[SequenceStreamKey(liid: "JOURNAL-1", cin: 7, isCC: true)] == 5)
    }

    @Test func aRunStoppedWhileTheJournalFailsTakesItsNumbersBack() throws {
        let disk = try SmallFileSystem(kilobytes: 64)
        defer { disk.unmount() }
        let path = disk.path + "/sequence-numbers.journal"
        let journal = try SequenceJournal(path: path)
        let sink = CountingSink()
        let gate = CaptureGate()
        let stop = StopSignal()
        let sequencer = Sequencer(plan: try plan(), sink: sink, journal: journal, gate: gate, stop: stop)
        sequencer.process(batch(3))
        try padToPageEnd(path)
        let filler = disk.fill()
        let thread = processBlocked(sequencer, batch(4), gate: gate)
        stop.request()
        waitUntilFinished(thread)
        #expect(sequencer.recordsNotJournaled == 4)
        #expect(!gate.isClosed)
        try FileManager.default.removeItem(atPath: filler)
        sequencer.process(batch(2))
        #expect(sink.sequences.withLock { $0 } == [0, 1, 2, 3, 4])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n") && !text.contains("CC 3JOURNAL"), "no torn line: \(text)")
        #expect(try SequenceJournal(path: path).next[SequenceStreamKey(liid: "JOURNAL-1", cin: 7, isCC: true)] == 5)
    }
}

/// Hands a non-Sendable value to a thread the test then waits for.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
