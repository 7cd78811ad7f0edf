/// One direction of a TCP connection put back in order for a stream parser: bytes are handed on in sequence-number
/// order exactly once. A retransmission is skipped, an overlap trimmed, a segment that arrives early is held until
/// the bytes before it come; when too much is held (the capture lost a segment) the missing bytes are reported as
/// lost and the stream goes on from the held data. The caller may forbid holding (its budget for all connections is
/// spent): an early segment is then taken at once, the bytes before it reported lost.
struct TCPStreamDirection {
    /// The most early segments held.
    static let heldSegmentLimit = 64
    /// The most early octets held.
    static let heldOctetLimit = 262_144

    /// The sequence number of the next byte to hand on; nil until the direction's first segment.
    private(set) var nextSequence: UInt32?
    private var held: [(sequence: UInt32, bytes: [UInt8])] = []
    /// Octets of early segments held now.
    private(set) var heldOctets = 0
    /// Segments (or parts of them) that carried nothing new.
    private(set) var retransmissions = 0

    /// What a segment gave: bytes to hand on in order, or a count of bytes lost before them.
    enum Piece {
        case bytes(UnsafeRawBufferPointer)
        case lost(Int)
    }

    /// Takes a segment's sequence number, SYN flag and payload; hands what is now in order to `deliver`. An early
    /// segment is held only when `mayHold`.
    mutating func take(
        sequence: UInt32,
        syn: Bool,
        payload: UnsafeRawBufferPointer,
        mayHold: Bool = true,
        deliver: (Piece) -> Void
    ) {
        if syn {
            nextSequence = sequence &+ 1
            held.removeAll()
            heldOctets = 0
            return
        }
        guard !payload.isEmpty else { return }
        guard let expected = nextSequence else {
            nextSequence = sequence
            deliver(.lost(0))
            return take(sequence: sequence, syn: false, payload: payload, mayHold: mayHold, deliver: deliver)
        }
        let ahead = Int32(bitPattern: sequence &- expected)
        if ahead > 0 && mayHold {
            hold(sequence: sequence, payload: payload, deliver: deliver)
            return
        }
        if ahead > 0 {
            deliver(.lost(Int(ahead)))
            nextSequence = sequence
            return take(sequence: sequence, syn: false, payload: payload, mayHold: false, deliver: deliver)
        }
        let overlap = Int(-Int64(ahead))
        guard overlap < payload.count else {
            retransmissions += 1
            return
        }
        let fresh = UnsafeRawBufferPointer(rebasing: payload[overlap...])
        nextSequence = expected &+ UInt32(truncatingIfNeeded: fresh.count)
        deliver(.bytes(fresh))
        if !held.isEmpty { drain(deliver: deliver) }
    }

    /// Hands on whatever is held, reporting the bytes missing before it as lost (the connection ends).
    mutating func flush(deliver: (Piece) -> Void) {
        while let first = held.first, let expected = nextSequence {
            let gap = Int32(bitPattern: first.sequence &- expected)
            if gap > 0 {
                deliver(.lost(Int(gap)))
                nextSequence = first.sequence
            }
            drain(deliver: deliver)
        }
    }

    private mutating func hold(sequence: UInt32, payload: UnsafeRawBufferPointer, deliver: (Piece) -> Void) {
        let position = held.firstIndex { Int32(bitPattern: $0.sequence &- sequence) > 0 } ?? held.count
        if position > 0 && held[position - 1].sequence == sequence && held[position - 1].bytes.count >= payload.count {
            retransmissions += 1
            return
        }
        held.insert((sequence, Array(payload)), at: position)
        heldOctets += payload.count
        guard held.count > Self.heldSegmentLimit || heldOctets > Self.heldOctetLimit,
            let expected = nextSequence, let first = held.first
        else { return }
        deliver(.lost(Int(Int32(bitPattern: first.sequence &- expected))))
        nextSequence = first.sequence
        drain(deliver: deliver)
    }

    /// Hands on the held segments that are now in order.
    private mutating func drain(deliver: (Piece) -> Void) {
        while let first = held.first, let expected = nextSequence {
            let ahead = Int32(bitPattern: first.sequence &- expected)
            if ahead > 0 { return }
            held.removeFirst()
            heldOctets -= first.bytes.count
            let overlap = Int(-Int64(ahead))
            guard overlap < first.bytes.count else {
                retransmissions += 1
                continue
            }
            nextSequence = expected &+ UInt32(truncatingIfNeeded: first.bytes.count - overlap)
            first.bytes.withUnsafeBytes { deliver(.bytes(UnsafeRawBufferPointer(rebasing: $0[overlap...]))) }
        }
    }
}
