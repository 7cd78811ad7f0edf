/// The fragments received so far of one IPv4 datagram, kept by ``IPv4Reassembler``.
///
/// Fragment data is kept as received (memory follows the bytes that arrived, not the offsets they claim) and
/// copied once into the datagram when the last gap closes. A fragment that overlaps another makes the datagram
/// invalid (as current Linux does); an exact repeat of a fragment already held is ignored.
struct IPv4PendingDatagram: Sendable {
    /// One fragment's data and where it belongs in the payload.
    private struct Chunk: Sendable {
        var offset: Int
        var bytes: [UInt8]

        var end: Int {
            offset + bytes.count
        }
    }

    /// The largest payload a reassembled datagram can carry (65_535 minus the smallest header).
    static let maximumPayload = 65_535 - 20

    /// Capture time of the first fragment seen, in microseconds.
    let firstSeen: Int64
    /// The IPv4 header of the fragment at offset 0; empty until that fragment arrives.
    private var header: [UInt8] = []
    /// The non-empty fragments received, sorted by offset and never overlapping.
    private var chunks: [Chunk] = []
    /// The sum of the chunks' sizes.
    private var receivedBytes = 0
    /// The payload length, known once the last fragment (MF clear) has arrived.
    private var totalLength: Int? = nil

    init(firstSeen: Int64) {
        self.firstSeen = firstSeen
    }

    /// Adds one fragment: its header (kept if it is at offset 0), its data and where the data belongs.
    /// Returns false when the fragment makes the datagram invalid (overlap, inconsistent end, too large).
    mutating func insert(
        header fragmentHeader: UnsafeRawBufferPointer,
        data: UnsafeRawBufferPointer,
        offset: Int,
        isLast: Bool
    ) -> Bool {
        let end = offset + data.count
        guard end <= Self.maximumPayload else {
            return false
        }
        if isLast {
            if let totalLength, totalLength != end {
                return false
            }
            if let furthest = chunks.last, furthest.end > end {
                return false
            }
            totalLength = end
        } else if let totalLength, end > totalLength {
            return false
        }
        if offset == 0 && header.isEmpty {
            header = Array(fragmentHeader)
        }
        guard !data.isEmpty else {
            return true
        }
        let position = firstChunk(atOrAfter: offset)
        if position < chunks.endIndex && chunks[position].offset == offset && chunks[position].end == end {
            return chunks[position].bytes.elementsEqual(data)
        }
        if position > chunks.startIndex && chunks[position - 1].end > offset {
            return false
        }
        if position < chunks.endIndex && chunks[position].offset < end {
            return false
        }
        chunks.insert(Chunk(offset: offset, bytes: Array(data)), at: position)
        receivedBytes += data.count
        return true
    }

    /// The whole datagram (fresh header with offset 0, MF clear, right total length and checksum, then the
    /// payload) once every byte has arrived; nil while incomplete or if the result would exceed 65_535 bytes.
    func assembled() -> [UInt8]? {
        guard let totalLength, receivedBytes == totalLength, !header.isEmpty, header.count + totalLength <= 65_535
        else {
            return nil
        }
        let length = header.count + totalLength
        var datagram: [UInt8] = []
        datagram.reserveCapacity(length)
        datagram.append(contentsOf: header)
        for chunk in chunks {
            datagram.append(contentsOf: chunk.bytes)
        }
        datagram[2] = UInt8(length >> 8)
        datagram[3] = UInt8(truncatingIfNeeded: length)
        datagram[6] &= 0x40
        datagram[7] = 0
        datagram[10] = 0
        datagram[11] = 0
        let checksum = Self.headerChecksum(datagram[0..<header.count])
        datagram[10] = UInt8(checksum >> 8)
        datagram[11] = UInt8(truncatingIfNeeded: checksum)
        return datagram
    }

    /// The index of the first chunk whose offset is at least `offset` (binary search).
    private func firstChunk(atOrAfter offset: Int) -> Int {
        var low = chunks.startIndex
        var high = chunks.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if chunks[middle].offset < offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The RFC 791 header checksum: one's complement of the one's complement sum of the header's 16-bit words.
    private static func headerChecksum(_ header: ArraySlice<UInt8>) -> UInt16 {
        var sum: UInt32 = 0
        var index = header.startIndex
        while index + 1 < header.endIndex {
            sum += UInt32(header[index]) << 8 | UInt32(header[index + 1])
            index += 2
        }
        while sum > 0xFFFF {
            sum = (sum & 0xFFFF) + (sum >> 16)
        }
        return ~UInt16(sum)
    }
}
