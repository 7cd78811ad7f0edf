/// Reassembles IPv4 datagrams from fragments (used for RADIUS and other control packets only).
///
/// Bounded: at most `maxDatagrams` incomplete datagrams (the oldest is evicted to make room), each at most 65_535
/// bytes, and a datagram expires `timeoutMicros` of capture time after its first fragment. Fragments are keyed by
/// source, destination, protocol and identifier (RFC 791). Overlapping fragments invalidate their datagram; nothing
/// traps on bad input.
public struct IPv4Reassembler: Sendable {
    /// What identifies the fragments of one datagram.
    private struct Key: Hashable, Sendable {
        var source: UInt32
        var destination: UInt32
        var transportProtocol: UInt8
        var identifier: UInt16
    }

    private let maxDatagrams: Int
    private let timeoutMicros: Int64
    private var pending: [Key: IPv4PendingDatagram] = [:]
    /// The earliest time at which some pending datagram expires.
    private var nextExpiry: Int64 = .max

    /// A reassembler holding at most `maxDatagrams` (at least 1) incomplete datagrams, each for `timeoutMicros`.
    public init(maxDatagrams: Int = 1024, timeoutMicros: Int64 = 30_000_000) {
        self.maxDatagrams = max(1, maxDatagrams)
        self.timeoutMicros = max(0, timeoutMicros)
    }

    /// The number of incomplete datagrams held.
    public var pendingCount: Int {
        pending.count
    }

    /// `ipPacket` is the whole IPv4 packet (header + payload) of one fragment, `time` its capture time in µs.
    /// Returns the whole reassembled IPv4 datagram (a fresh IPv4 header with offset 0/MF 0 and right total length,
    /// followed by the payload) once every fragment has arrived; nil while incomplete or when invalid. A packet
    /// that is not a fragment is returned as it is (cut to its total length).
    public mutating func add(ipPacket: UnsafeRawBufferPointer, time: Int64) -> [UInt8]? {
        expire(at: time)
        guard ipPacket.count >= 20 else {
            return nil
        }
        let versionAndLength = ipPacket.readUInt8(at: 0)
        let headerLength = Int(versionAndLength & 0x0F) * 4
        let totalLength = Int(ipPacket.readUInt16(at: 2))
        guard versionAndLength >> 4 == 4, headerLength >= 20, totalLength >= headerLength,
            totalLength <= ipPacket.count
        else {
            return nil
        }
        let flagsAndOffset = ipPacket.readUInt16(at: 6)
        let offset = Int(flagsAndOffset & 0x1FFF) * 8
        let isLast = flagsAndOffset & 0x2000 == 0
        if offset == 0 && isLast {
            return Array(UnsafeRawBufferPointer(rebasing: ipPacket[0..<totalLength]))
        }
        let key = Key(
            source: ipPacket.readUInt32(at: 12),
            destination: ipPacket.readUInt32(at: 16),
            transportProtocol: ipPacket.readUInt8(at: 9),
            identifier: ipPacket.readUInt16(at: 4)
        )
        var datagram: IPv4PendingDatagram
        if let existing = pending.removeValue(forKey: key) {
            datagram = existing
        } else {
            if pending.count >= maxDatagrams {
                evictOldest()
            }
            datagram = IPv4PendingDatagram(firstSeen: time)
        }
        let isValid = datagram.insert(
            header: UnsafeRawBufferPointer(rebasing: ipPacket[0..<headerLength]),
            data: UnsafeRawBufferPointer(rebasing: ipPacket[headerLength..<totalLength]),
            offset: offset,
            isLast: isLast
        )
        guard isValid else {
            return nil
        }
        if let whole = datagram.assembled() {
            return whole
        }
        pending[key] = datagram
        nextExpiry = min(nextExpiry, deadline(of: datagram))
        return nil
    }

    private func deadline(of datagram: IPv4PendingDatagram) -> Int64 {
        let (sum, overflow) = datagram.firstSeen.addingReportingOverflow(timeoutMicros)
        return overflow ? .max : sum
    }

    /// Drops every datagram whose deadline has passed at `time`.
    private mutating func expire(at time: Int64) {
        guard time >= nextExpiry else {
            return
        }
        pending = pending.filter { deadline(of: $0.value) > time }
        nextExpiry = pending.values.map { deadline(of: $0) }.min() ?? .max
    }

    /// Drops the datagram whose first fragment is the oldest.
    private mutating func evictOldest() {
        guard let oldest = pending.min(by: { $0.value.firstSeen < $1.value.firstSeen }) else {
            return
        }
        pending.removeValue(forKey: oldest.key)
    }
}
