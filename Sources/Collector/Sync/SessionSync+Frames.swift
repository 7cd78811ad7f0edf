import Packets
import Synchronization
import Warrants

extension SessionSync {
    /// Deals a batch of file frames in capture order: session-protocol frames to their trackers, the others (and
    /// those that are also traffic) to the shards; the batch then goes back to the file capture stage.
    func deal(_ batch: FrameBatch) {
        let region = batch.region
        let regionID = region.map(ObjectIdentifier.init)
        batch.withArena { arena in
            for slot in batch.slots {
                let frame = UnsafeRawBufferPointer(rebasing: arena[slot.offset..<(slot.offset + slot.length)])
                if route(frame, packet: slot.packet, time: slot.timeMicros) {
                    dispatch(frame, slot: slot, region: region, regionID: regionID)
                }
            }
        }
        if batch.endsBurst { handOverAll() }
        batch.releaseRegion()
        returnFrames?.tryPush(batch)
    }

    /// Applies the session-protocol frames a live shard copied (the shard classifies its traffic itself).
    func apply(_ batch: SessionFrameBatch) {
        batch.bytes.withUnsafeBytes { all in
            for frame in batch.frames {
                let bytes = UnsafeRawBufferPointer(rebasing: all[frame.offset..<(frame.offset + frame.length)])
                guard
                    let packet = try? PacketDecoder.decode(
                        bytes,
                        linkType: frame.linkType,
                        decapsulation: decapsulation
                    )
                else { continue }
                _ = route(bytes, packet: packet, time: frame.timeMicros)
            }
        }
        batch.reset()
        let index = batch.owner - shards.count
        if liveShards.indices.contains(index) { liveShards[index].freeSessionFrames.tryPush(batch) }
    }

    /// Moves the clock to a frame and applies it when it is a known server's; returns whether it is (also)
    /// traffic for the shards.
    private func route(_ frame: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) -> Bool {
        lastTimeMicros = time
        framesSincePlanCheck += 1
        if framesSincePlanCheck & 0x3F == 0 { takeNewPlans() }
        advance(to: time)
        if table.isServerFragment(packet) {
            reassemble(frame, packet: packet, time: time)
        } else if let (endpoint, server, toServer) = table.sessionServer(of: packet) {
            take(
                SessionFrame(packet: packet, bytes: frame, timeMicros: time, server: endpoint, toServer: toServer),
                kind: server.kind
            )
            return server.carriesTraffic
        }
        return true
    }

    /// Hands a frame to the tracker of its server's kind, then rebuilds the table if the tracker's part changed.
    private func take(_ frame: SessionFrame, kind: ServerKind) {
        guard let tracker = tracker(for: kind) else { return }
        tracker.handle(frame)
        nextClockEventMicros = min(nextClockEventMicros, tracker.nextClockEventMicros)
        if tracker.matchTableChanged { refreshTable() }
        handOverIRIs()
    }

    /// Adds an IPv4 or IPv6 fragment (a first one too) to or from a known server to its datagram; a complete
    /// datagram of a server's protocol is applied like an unfragmented one.
    private func reassemble(_ frame: UnsafeRawBufferPointer, packet: DecodedPacket, time: Int64) {
        let ip = UnsafeRawBufferPointer(rebasing: frame[packet.ipOffset..<(packet.ipOffset + packet.ipLength)])
        guard let datagram = reassembler.add(ipPacket: ip, time: time) else { return }
        statistics.reassembled += 1
        datagram.withUnsafeBytes { whole in
            guard let rebuilt = try? PacketDecoder.decode(whole, linkType: .rawIP, decapsulation: decapsulation),
                rebuilt.fragment == nil,
                let (endpoint, server, toServer) = table.sessionServer(of: rebuilt)
            else { return }
            take(
                SessionFrame(packet: rebuilt, bytes: whole, timeMicros: time, server: endpoint, toServer: toServer),
                kind: server.kind
            )
        }
    }

    /// With live shards: moves the clock to the latest capture time any shard has seen. Always: takes new plans,
    /// hands over IRIs, and publishes the open-session counters (and, at most four times a second, the trackers'
    /// counters).
    func tick() {
        counters.syncTicks.add(1, ordering: .relaxed)
        let now = liveShards.reduce(0) { max($0, $1.counters.latestTimeMicros.load(ordering: .relaxed)) }
        if now > lastTimeMicros {
            lastTimeMicros = now
            advance(to: now)
        }
        takeNewPlans()
        handOverIRIs()
        let fragments = reassembler.statistics
        counters.fragments.withLock { $0 = fragments }
        for tracker in trackers { tracker.publishOpenSessions(to: counters) }
        publishReport()
        if !liveShards.isEmpty {
            let frames = liveShards.reduce(0) { $0 + $1.counters.frames.load(ordering: .relaxed) }
            counters.packets.store(frames, ordering: .relaxed)
            let bytes = liveShards.reduce(0) { $0 + $1.counters.bytes.load(ordering: .relaxed) }
            counters.bytes.store(bytes, ordering: .relaxed)
        }
    }
}
