import Packets

extension SessionSync {
    /// Adds a file frame to the open batch of the shard its address pair hashes to: by reference when it lies in
    /// the mapped window its batch refers to, else as a copy. A full batch is handed over.
    func dispatch(_ frame: UnsafeRawBufferPointer, slot: FrameSlot, region: MappedRegion?, regionID: ObjectIdentifier?)
    {
        let packet = slot.packet
        let lane =
            shards.count == 1 ? 0 : Int(FlowHash.symmetric(packet.source, packet.destination) % UInt64(shards.count))
        let batch: FrameBatch
        if let open = current[lane], open.accepts(regionID) {
            batch = open
        } else {
            handOver(lane)
            batch =
                shards[lane].freeFrames.tryPop()
                ?? FrameBatch(frames: batchFrames, arenaBytes: frameArenaBytes, matchTable: table)
            batch.reset(matchTable: table)
            current[lane] = batch
        }
        if let region {
            batch.append(
                offset: slot.offset,
                in: region,
                length: slot.length,
                timeMicros: slot.timeMicros,
                packet: packet
            )
        } else {
            batch.append(frame: frame, timeMicros: slot.timeMicros, packet: packet)
        }
        if batch.slots.count >= batchFrames || batch.bytes.count >= frameArenaBytes - 1600 {
            handOver(lane)
        }
    }

    func handOver(_ lane: Int) {
        guard let batch = current[lane] else { return }
        current[lane] = nil
        shards[lane].input.push(batch)
    }

    /// Hands every shard its open batch (before the table changes, and when capture pauses).
    func handOverAll() {
        for lane in shards.indices { handOver(lane) }
    }
}
