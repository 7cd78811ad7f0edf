/// The sequencer's output of the current batch: per agency and handover ("slot"), the PS-PDUs written and how many
/// they are, until ``Sequencer/flush()`` hands them to the sink.
struct SequencerOutput {
    /// The concatenated PS-PDUs of each slot.
    var buffers: [[UInt8]] = []
    /// How many PS-PDUs each slot's buffer holds.
    var pendingRecords: [Int] = []

    /// Adds a slot; returns its index.
    mutating func addSlot() -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        buffers.append(buffer)
        pendingRecords.append(0)
        return buffers.count - 1
    }

    /// Empties a slot, keeping its capacity.
    mutating func clear(_ slot: Int) {
        buffers[slot].removeAll(keepingCapacity: true)
        pendingRecords[slot] = 0
    }
}
