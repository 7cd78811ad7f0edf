import Mediator
import Testing

/// Append, send and acknowledge on one open spool: batching, rotation, deletion, rewind and the quota.
@Suite struct SpoolCycleTests {
    /// Every golden vector as its own entry and the three-record stream as one chunk come out once, in order, and
    /// acknowledging the end empties the spool.
    @Test func appendSendAcknowledge() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open()
        let vectors = try SpoolRecords.vectors()
        for vector in vectors { try spool.append(vector, records: 1) }
        try spool.append(try SpoolRecords.stream(), records: 3)
        #expect(spool.unacknowledgedRecords == vectors.count + 3)
        #expect(spool.unsentRecords == vectors.count + 3)
        let payload = vectors.reduce(0) { $0 + $1.count } + (try SpoolRecords.stream()).count
        #expect(spool.unacknowledgedBytes == Int64(payload + (vectors.count + 1) * SpoolRecords.headerBytes))

        let batch = try #require(try spool.nextToSend(maxBytes: 1 << 20))
        #expect(batch.bytes == vectors.flatMap { $0 } + (try SpoolRecords.stream()))
        #expect(batch.records == vectors.count + 3)
        #expect(batch.end == spool.sentPosition)
        #expect(spool.unsentRecords == 0)
        #expect(spool.unacknowledgedRecords == vectors.count + 3)
        #expect(try spool.nextToSend(maxBytes: 1 << 20) == nil)

        try spool.acknowledge(upTo: batch.end)
        #expect(spool.unacknowledgedRecords == 0)
        #expect(spool.unacknowledgedBytes == 0)
        #expect(spool.acknowledgedPosition == batch.end)
        #expect(try spool.nextToSend(maxBytes: 1 << 20) == nil)
    }

    /// `maxBytes` bounds a batch by whole entries, but one entry always goes out even when it is larger.
    @Test(arguments: [(1, 1), (133, 1), (134, 1), (268, 2), (300, 2), (1340, 10)])
    func batchesHoldWholeEntries(maxBytes: Int, entries: Int) throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open()
        let ipcc = try SpoolRecords.vectors()[1]
        #expect(ipcc.count == 134)
        for _ in 0..<10 { try spool.append(ipcc, records: 1) }
        let batch = try #require(try spool.nextToSend(maxBytes: maxBytes))
        #expect(batch.records == entries)
        #expect(batch.bytes == Array(repeating: ipcc, count: entries).flatMap { $0 })
        #expect(spool.unsentRecords == 10 - entries)
    }

    /// Segments rotate at the size limit and are named after their first record; once acknowledged they are
    /// deleted, and the current one stays.
    @Test func rotationAndDeletion() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open(segmentBytes: 1000)
        let ipcc = try SpoolRecords.vectors()[1]
        for _ in 0..<20 { try spool.append(ipcc, records: 1) }
        // 150 bytes an entry: 6 entries (900 bytes) fit a segment of 1000.
        #expect(
            try scratch.segmentFiles() == [
                "seg-0000000000000000.spool", "seg-0000000000000006.spool", "seg-000000000000000c.spool",
                "seg-0000000000000012.spool",
            ]
        )
        let batches = try spool.sendAll(maxBytes: 1 << 20)
        #expect(batches.map(\.records) == [6, 6, 6, 2])
        #expect(batches.flatMap(\.bytes) == Array(repeating: ipcc, count: 20).flatMap { $0 })

        try spool.acknowledge(upTo: batches[1].end)
        #expect(try scratch.segmentFiles() == ["seg-000000000000000c.spool", "seg-0000000000000012.spool"])
        #expect(spool.unacknowledgedRecords == 8)
        #expect(spool.acknowledgedPosition.record == 12)

        try spool.acknowledge(upTo: batches[0].end)
        #expect(spool.unacknowledgedRecords == 8, "an older position is ignored")

        try spool.acknowledge(upTo: batches[3].end)
        #expect(try scratch.segmentFiles() == ["seg-0000000000000012.spool"])
        #expect(spool.unacknowledgedRecords == 0)

        try spool.append(ipcc, records: 1)
        let next = try #require(try spool.nextToSend(maxBytes: 1 << 20))
        #expect(next.end.record == 21)
    }

    /// A segment acknowledged to its end while it was the current one goes as soon as a newer one starts.
    @Test func acknowledgedTailIsDeletedAtRotation() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open(segmentBytes: 300)
        let ipcc = try SpoolRecords.vectors()[1]
        try spool.append(ipcc, records: 1)
        let batch = try #require(try spool.nextToSend(maxBytes: 1 << 20))
        try spool.acknowledge(upTo: batch.end)
        #expect(try scratch.segmentFiles() == ["seg-0000000000000000.spool"])
        try spool.append(ipcc, records: 1)
        try spool.append(ipcc, records: 1)
        #expect(try scratch.segmentFiles() == ["seg-0000000000000000.spool", "seg-0000000000000002.spool"])
        #expect(spool.unacknowledgedRecords == 2)
        _ = try spool.sendAll()
        try spool.acknowledge(upTo: spool.sentPosition)
        #expect(try scratch.segmentFiles() == ["seg-0000000000000002.spool"])
    }

    /// After a reconnect, everything after the acknowledged cursor is sent again, in order.
    @Test func rewindAfterReconnect() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open(segmentBytes: 100)
        for index in 0..<8 as Range<UInt64> { try spool.append(SpoolRecords.numbered(index), records: 1) }
        var first: [UInt64] = []
        var ackAt: SpoolPosition?
        for round in 0..<5 {
            let batch = try #require(try spool.nextToSend(maxBytes: 1))
            first += SpoolRecords.indices(in: batch.bytes) ?? []
            if round == 2 { ackAt = batch.end }
        }
        #expect(first == [0, 1, 2, 3, 4])
        try spool.acknowledge(upTo: try #require(ackAt))
        #expect(spool.unsentRecords == 3)
        spool.rewindToAcknowledged()
        #expect(spool.sentPosition == spool.acknowledgedPosition)
        #expect(spool.unsentRecords == 5)
        let again = try spool.sendAll(maxBytes: 1).flatMap { SpoolRecords.indices(in: $0.bytes) ?? [] }
        #expect(again == [3, 4, 5, 6, 7])
    }

    /// At the quota, append refuses with `.quotaExceeded` and keeps everything; acknowledgements make room again.
    @Test func quotaRefusesWithoutLoss() throws {
        let scratch = try SpoolScratch()
        let entry = Int64(SpoolRecords.headerBytes + 10)
        let spool = try scratch.open(quota: entry * 10, segmentBytes: Int(entry) * 4)
        var next: UInt64 = 0
        var refused = 0
        while next < 25 {
            let error = spoolError { () throws(SpoolError) in
                try spool.append(SpoolRecords.numbered(next), records: 1)
            }
            if let error {
                #expect(error.code == .quotaExceeded)
                #expect(spool.unacknowledgedRecords == 10)
                #expect(spool.unacknowledgedBytes == entry * 10)
                refused += 1
                let batch = try #require(try spool.nextToSend(maxBytes: Int(entry) * 3))
                try spool.acknowledge(upTo: batch.end)
            } else {
                next += 1
            }
        }
        #expect(refused > 0)
        spool.rewindToAcknowledged()
        let rest = try spool.sendAll().flatMap { SpoolRecords.indices(in: $0.bytes) ?? [] }
        #expect(rest == Array((25 - UInt64(spool.unacknowledgedRecords))..<25))
    }

    /// Calls that can never succeed are refused as invalid, not as a full quota.
    @Test func impossibleEntriesAreInvalid() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open(quota: 100)
        let tooLarge = spoolError { () throws(SpoolError) in
            try spool.append([UInt8](repeating: 0, count: 90), records: 1)
        }
        #expect(tooLarge?.code == .invalidArgument)
        let noRecords = spoolError { () throws(SpoolError) in try spool.append([1, 2, 3], records: 0) }
        #expect(noRecords?.code == .invalidArgument)
        #expect(spool.unacknowledgedRecords == 0)
        #expect(try spool.nextToSend(maxBytes: 100) == nil)
    }

    /// A second spool on the same directory (another process, or a second appliance) is refused.
    @Test func directoryIsLocked() throws {
        let scratch = try SpoolScratch()
        let spool = try scratch.open()
        let second = spoolError { () throws(SpoolError) in _ = try scratch.open() }
        #expect(second?.code == .io)
        try spool.append(SpoolRecords.numbered(0), records: 1)
        #expect(spool.unacknowledgedRecords == 1)
    }

    /// The spool directory and its parents are created for the owner only.
    @Test func directoryIsPrivate() throws {
        let scratch = try SpoolScratch()
        _ = try scratch.open()
        #expect(try scratch.mode("agency") == 0o700)
        #expect(try scratch.mode("agency/HI3") == 0o700)
        #expect(try scratch.mode("agency/HI3/seg-0000000000000000.spool") == 0o600)
    }
}
