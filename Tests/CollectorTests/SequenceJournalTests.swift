import Collector
import Foundation
import TestSupport
import Testing

/// Sequence numbers that survive a restart: the journal's format, torn lines, and compaction.
struct SequenceJournalTests {
    @Test func reopenedJournalContinuesEveryStream() throws {
        let scratch = try ScratchDirectory(prefix: "journal")
        let path = scratch.file("sequence.journal")
        let first = try SequenceJournal(path: path)
        #expect(!first.existed)
        let alice = SequenceStreamKey(liid: "L1", cin: 7, isCC: false)
        let aliceCC = SequenceStreamKey(liid: "L1", cin: 7, isCC: true)
        try first.record([(alice, 3), (aliceCC, 10)])
        try first.record([(aliceCC, 12)])
        let second = try SequenceJournal(path: path)
        #expect(second.existed)
        #expect(second.next[alice] == 3)
        #expect(second.next[aliceCC] == 12)
    }

    @Test func aTornLastLineIsIgnored() throws {
        let scratch = try ScratchDirectory(prefix: "journal")
        let path = scratch.file("sequence.journal")
        try Data("L1 7 IRI 5\nL1 7 CC 9\nL2 1 CC 4".utf8).write(to: URL(fileURLWithPath: path))
        let journal = try SequenceJournal(path: path)
        #expect(journal.next[SequenceStreamKey(liid: "L1", cin: 7, isCC: true)] == 9)
        #expect(journal.next[SequenceStreamKey(liid: "L2", cin: 1, isCC: true)] == nil)
    }

    @Test func garbageLinesAreSkippedAndTheFileIsCompacted() throws {
        let scratch = try ScratchDirectory(prefix: "journal")
        let path = scratch.file("sequence.journal")
        try Data("junk\nL1 x IRI 5\nL1 7 XX 5\nL1 7 IRI 5\n".utf8).write(to: URL(fileURLWithPath: path))
        let journal = try SequenceJournal(path: path, compactBytes: 64)
        for value in UInt64(6)...40 {
            try journal.record([(SequenceStreamKey(liid: "L1", cin: 7, isCC: false), value)])
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.utf8.count < 200)
        #expect(try SequenceJournal(path: path).next[SequenceStreamKey(liid: "L1", cin: 7, isCC: false)] == 40)
    }
}
