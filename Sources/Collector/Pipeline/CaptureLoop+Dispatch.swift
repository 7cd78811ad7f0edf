import Packets

extension CaptureLoop {
    /// Adds a frame to the open batch of the shard its address pair hashes to: by reference when it lies in the
    /// mapped window of the file being read, else as a copy. A full batch is handed over.
    func dispatch(_ frame: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        let lane =
            shards.count == 1 ? 0 : Int(FlowHash.symmetric(packet.source, packet.destination) % UInt64(shards.count))
        var offset = -1
        if let start = frame.baseAddress, let base = currentRegionBase, let end = currentRegionEnd, start >= base,
            start + frame.count <= end
        {
            offset = start - base
        }
        let batch: FrameBatch
        if let open = current[lane], open.accepts(offset >= 0 ? currentRegionID : nil) {
            batch = open
        } else {
            handOver(lane)
            batch =
                shards[lane].freeFrames.tryPop()
                ?? FrameBatch(
                    frames: batchFrames,
                    arenaBytes: frameArenaBytes,
                    matchTable: table
                )
            batch.reset(matchTable: table)
            current[lane] = batch
        }
        if offset >= 0, let region = currentRegion {
            batch.append(offset: offset, in: region, length: frame.count, timeMicros: time, packet: packet)
        } else {
            batch.append(frame: frame, timeMicros: time, packet: packet)
        }
        if batch.slots.count >= batchFrames || batch.bytes.count >= frameArenaBytes - 1600 {
            handOver(lane)
        }
    }

    /// Makes `region` the window frames are referred to in (nil: frames are copied).
    func use(_ region: MappedRegion?) {
        currentRegion = region
        currentRegionID = region.map(ObjectIdentifier.init)
        currentRegionBase = region?.base ?? UnsafeRawPointer(bitPattern: 1)
        currentRegionEnd = region.map { $0.base + $0.length } ?? UnsafeRawPointer(bitPattern: 1)
    }

    func handOver(_ lane: Int) {
        guard let batch = current[lane] else { return }
        current[lane] = nil
        shards[lane].input.push(batch)
    }

    func handOverAll() {
        for lane in shards.indices { handOver(lane) }
    }
}
