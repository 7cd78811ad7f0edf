import Mediator
import TestSupport
import Testing

/// Opening a spool after a close or a crash: unacknowledged records survive in order, torn and damaged data is cut
/// at the last whole entry and reported, and nothing traps.
@Suite struct SpoolRecoveryTests {
    /// The restart case: records not acknowledged before the close come out again after the reopen, in order, and
    /// numbering goes on.
    @Test func reopenKeepsUnacknowledgedRecordsInOrder() throws {
        let scratch = try SpoolScratch()
        let vectors = try SpoolRecords.vectors()
        let records = (0..<20).map { vectors[$0 % vectors.count] }
        do {
            let spool = try scratch.open(segmentBytes: 700)
            for record in records { try spool.append(record, records: 1) }
            var ackAt: SpoolPosition?
            for round in 0..<12 {
                let batch = try #require(try spool.nextToSend(maxBytes: 1))
                if round == 4 { ackAt = batch.end }
            }
            try spool.acknowledge(upTo: try #require(ackAt))
            try spool.sync()
        }
        let spool = try scratch.open(segmentBytes: 700)
        #expect(spool.recoveredTruncatedBytes == 0)
        #expect(spool.unacknowledgedRecords == 15)
        #expect(spool.unsentRecords == 15)
        #expect(spool.sentPosition == spool.acknowledgedPosition)
        #expect(spool.acknowledgedPosition.record == 5)
        let batches = try spool.sendAll(maxBytes: 1)
        #expect(batches.flatMap(\.bytes) == records[5...].flatMap { $0 })
        try spool.append(vectors[0], records: 1)
        let last = try #require(try spool.nextToSend(maxBytes: 1))
        #expect(last.end.record == 21)
    }

    /// The acknowledged cursor and the deletion of acknowledged segments survive a reopen, and so does a segment
    /// file the state already acknowledged (a crash between writing the state and deleting the file).
    @Test func acknowledgedSegmentsStayGone() throws {
        let scratch = try SpoolScratch()
        var firstSegment: [UInt8] = []
        do {
            let spool = try scratch.open(segmentBytes: 100)
            for index in 0..<12 as Range<UInt64> { try spool.append(SpoolRecords.numbered(index), records: 1) }
            firstSegment = try scratch.contents("seg-0000000000000000.spool")
            let batches = try spool.sendAll(maxBytes: 1)
            try spool.acknowledge(upTo: batches[6].end)
        }
        try scratch.write(firstSegment, to: "seg-0000000000000000.spool")
        let spool = try scratch.open(segmentBytes: 100)
        #expect(try scratch.segmentFiles() == ["seg-0000000000000006.spool", "seg-0000000000000009.spool"])
        #expect(spool.unacknowledgedRecords == 5)
        #expect(try spool.sendAll().flatMap { SpoolRecords.indices(in: $0.bytes) ?? [] } == [7, 8, 9, 10, 11])
    }

    /// A segment cut anywhere inside its last entry (a torn write) is truncated to its last whole entry.
    @Test(arguments: [1, 4, 15, 16, 17, 100, 133, 149])
    func tornTailIsTruncated(keptOfLastEntry: Int) throws {
        let scratch = try SpoolScratch()
        let ipcc = try SpoolRecords.vectors()[1]
        let entry = SpoolRecords.headerBytes + ipcc.count
        do {
            let spool = try scratch.open()
            for _ in 0..<5 { try spool.append(ipcc, records: 1) }
        }
        let name = "seg-0000000000000000.spool"
        try scratch.truncate(name, to: entry * 4 + keptOfLastEntry)
        let spool = try scratch.open()
        #expect(spool.recoveredTruncatedBytes == Int64(keptOfLastEntry))
        #expect(spool.unacknowledgedRecords == 4)
        #expect(try scratch.contents(name).count == entry * 4)
        try spool.append(ipcc, records: 1)
        let batches = try spool.sendAll()
        #expect(batches.flatMap(\.bytes) == Array(repeating: ipcc, count: 5).flatMap { $0 })
        #expect(batches.last?.end.record == 5)
    }

    /// A flipped byte anywhere in the last entry (magic, length, count, checksum or payload) fails its check: the
    /// entry is dropped and the four before it are kept.
    @Test(arguments: [0, 3, 4, 7, 8, 11, 12, 15, 16, 80, 149])
    func damagedLastEntryIsTruncated(offsetInLastEntry: Int) throws {
        let scratch = try SpoolScratch()
        let ipcc = try SpoolRecords.vectors()[1]
        let entry = SpoolRecords.headerBytes + ipcc.count
        do {
            let spool = try scratch.open()
            for _ in 0..<5 { try spool.append(ipcc, records: 1) }
        }
        let name = "seg-0000000000000000.spool"
        try scratch.flipByte(name, at: entry * 4 + offsetInLastEntry)
        let spool = try scratch.open()
        #expect(spool.recoveredTruncatedBytes == Int64(entry))
        #expect(spool.unacknowledgedRecords == 4)
        #expect(try spool.sendAll().flatMap(\.bytes) == Array(repeating: ipcc, count: 4).flatMap { $0 })
    }

    /// Zeros after the last entry (a file extended but never written before a crash) are cut off.
    @Test func trailingZerosAreTruncated() throws {
        let scratch = try SpoolScratch()
        do {
            let spool = try scratch.open()
            try spool.append(try SpoolRecords.stream(), records: 3)
        }
        let name = "seg-0000000000000000.spool"
        try scratch.write(try scratch.contents(name) + [UInt8](repeating: 0, count: 4096), to: name)
        let spool = try scratch.open()
        #expect(spool.recoveredTruncatedBytes == 4096)
        #expect(try spool.sendAll().flatMap(\.bytes) == (try SpoolRecords.stream()))
    }

    /// Damage in the middle of a segment: what is before it is kept, the rest of that segment is dropped and
    /// reported, and the segments around it are untouched.
    @Test func damageInTheMiddleDropsTheRestOfThatSegment() throws {
        let scratch = try SpoolScratch()
        let entry = SpoolRecords.headerBytes + 10
        do {
            let spool = try scratch.open(segmentBytes: entry * 10)
            for index in 0..<30 as Range<UInt64> { try spool.append(SpoolRecords.numbered(index), records: 1) }
        }
        #expect(try scratch.segmentFiles().count == 3)
        try scratch.flipByte("seg-000000000000000a.spool", at: entry * 3 + SpoolRecords.headerBytes + 5)
        let spool = try scratch.open(segmentBytes: entry * 10)
        #expect(spool.recoveredTruncatedBytes == Int64(entry * 7))
        #expect(spool.unacknowledgedRecords == 23)
        let indices = try spool.sendAll(maxBytes: 1 << 20).flatMap { SpoolRecords.indices(in: $0.bytes) ?? [] }
        #expect(indices == Array(0..<13) + Array(20..<30))
        try spool.acknowledge(upTo: spool.sentPosition)
        #expect(spool.unacknowledgedRecords == 0)
    }

    /// Damage that appears on disk after the open is found when sending: `.corrupt`, the rest of that segment is
    /// dropped, and sending goes on with the next segment.
    @Test func damageFoundWhileSending() throws {
        let scratch = try SpoolScratch()
        let entry = SpoolRecords.headerBytes + 10
        let spool = try scratch.open(segmentBytes: entry * 10)
        for index in 0..<20 as Range<UInt64> { try spool.append(SpoolRecords.numbered(index), records: 1) }
        try scratch.flipByte("seg-0000000000000000.spool", at: entry * 6 + 2)
        var indices: [UInt64] = []
        var errors: [SpoolError] = []
        while true {
            do {
                guard let batch = try spool.nextToSend(maxBytes: 30) else { break }
                indices += SpoolRecords.indices(in: batch.bytes) ?? []
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.map(\.code) == [.corrupt])
        #expect(indices == Array(0..<6) + Array(10..<20))
        #expect(spool.recoveredTruncatedBytes == Int64(entry * 4))
        #expect(spool.unacknowledgedRecords == 16)
    }

    /// A state file that does not verify is ignored: everything still on disk is sent again rather than lost.
    @Test func damagedStateFileSendsEverythingAgain() throws {
        let scratch = try SpoolScratch()
        do {
            let spool = try scratch.open()
            for index in 0..<6 as Range<UInt64> { try spool.append(SpoolRecords.numbered(index), records: 1) }
            let batches = try spool.sendAll(maxBytes: 1)
            try spool.acknowledge(upTo: batches[2].end)
        }
        try scratch.flipByte("state", at: 10)
        try scratch.write([1, 2, 3], to: "state.tmp")
        let spool = try scratch.open()
        #expect(spool.unacknowledgedRecords == 6)
        #expect(try spool.sendAll().flatMap { SpoolRecords.indices(in: $0.bytes) ?? [] } == Array(0..<6))
        #expect(!(try scratch.contents("state").isEmpty))
        #expect(throws: (any Error).self) { try scratch.contents("state.tmp") }
    }

    /// 100,000 small records in chunks of 1 to 64, through many segments, with sends, acknowledgements, a
    /// reconnect and a restart on the way: a receiver that drops duplicates by index sees every record once, in
    /// order, with no gap.
    @Test func hundredThousandRecordsRoundTrip() throws {
        let scratch = try SpoolScratch()
        let total: UInt64 = 100_000
        var random = SeededGenerator(seed: 3720)
        var appended: UInt64 = 0
        var received: UInt64 = 0
        var redelivered = 0
        var spool: HandoverSpool? = try scratch.open(segmentBytes: 64 << 10)
        func receive(_ batch: (bytes: [UInt8], records: Int, end: SpoolPosition)) throws {
            let indices = try #require(SpoolRecords.indices(in: batch.bytes))
            #expect(indices.count == batch.records)
            for index in indices {
                if index < received {
                    redelivered += 1
                } else {
                    #expect(index == received)
                    received = index + 1
                }
            }
        }
        var reconnected = false
        var restarted = false
        while appended < total {
            if appended >= 60_000 && !restarted {
                spool = nil
                spool = try scratch.open(segmentBytes: 64 << 10)
                restarted = true
            }
            let current = try #require(spool)
            if appended >= 30_000 && !reconnected {
                current.rewindToAcknowledged()
                reconnected = true
            }
            let count = min(UInt64.random(in: 1...64, using: &random), total - appended)
            try current.append(SpoolRecords.numbered(appended..<(appended + count)), records: Int(count))
            appended += count
            if Int.random(in: 0..<4, using: &random) == 0, let batch = try current.nextToSend(maxBytes: 4096) {
                try receive(batch)
                if Bool.random(using: &random) { try current.acknowledge(upTo: batch.end) }
            }
        }
        let current = try #require(spool)
        for batch in try current.sendAll(maxBytes: 4096) {
            try receive(batch)
            try current.acknowledge(upTo: batch.end)
        }
        #expect(received == total)
        #expect(redelivered > 0)
        #expect(current.unacknowledgedRecords == 0)
        #expect(current.unsentRecords == 0)
        #expect(current.recoveredTruncatedBytes == 0)
        #expect(try scratch.segmentFiles().count == 1)
    }
}
