/// The fragments received so far of one IPv4 or IPv6 datagram, kept by ``IPReassembler``.
///
/// Fragment data is kept as received (memory follows the bytes that arrived, not the offsets they claim) and
/// copied once into the datagram when the last gap closes. A fragment that overlaps another makes the datagram
/// invalid (RFC 5722, and current Linux for IPv4); an exact repeat of a fragment already held is ignored.
struct IPPendingDatagram: Sendable {
    /// What one fragment did to the datagram.
    enum Outcome {
        /// Its data was new.
        case added
        /// It repeats a fragment already held, byte for byte.
        case duplicate
        /// It overlaps another fragment, contradicts the known length or makes the datagram too large.
        case invalid
    }

    /// One fragment's data and where it belongs in the payload.
    private struct Chunk: Sendable {
        var offset: Int
        var bytes: [UInt8]

        var end: Int {
            offset + bytes.count
        }
    }

    /// Bytes counted for each fragment held beyond its data (the array and its bookkeeping).
    static let overheadPerFragment = 64

    /// The largest payload the datagram can carry (IPv4: 65_535 minus the smallest header; IPv6: 65_535).
    let maximumPayload: Int
    /// The IP header of the fragment at offset 0 (IPv6: the 40-byte fixed header only); empty until it arrives.
    private var header: [UInt8] = []
    /// IPv6: the fragment header's next header, which the rebuilt header carries.
    private var nextHeader: UInt8 = 0
    /// The non-empty fragments received, sorted by offset and never overlapping.
    private var chunks: [Chunk] = []
    /// The sum of the chunks' sizes.
    private var receivedBytes = 0
    /// The payload length, known once the last fragment (MF clear) has arrived.
    private var totalLength: Int? = nil

    /// An empty datagram of IP version `version`.
    init(version: UInt8) {
        maximumPayload = version == 4 ? 65_535 - 20 : 65_535
    }

    /// Memory held for this datagram, as counted against the reassembler's cap.
    var heldBytes: Int {
        receivedBytes + header.count + chunks.count * Self.overheadPerFragment
    }

    /// Where the fragments received lie in the payload (to recognise repeats once the datagram is complete).
    var ranges: [Range<Int>] {
        chunks.map { $0.offset..<$0.end }
    }

    /// Adds one fragment: its header (kept if it is at offset 0), the next header its fragment header names (IPv6),
    /// its data and where the data belongs.
    mutating func insert(
        header fragmentHeader: UnsafeRawBufferPointer,
        nextHeader fragmentNextHeader: UInt8,
        data: UnsafeRawBufferPointer,
        offset: Int,
        isLast: Bool
    ) -> Outcome {
        let end = offset + data.count
        guard end <= maximumPayload else {
            return .invalid
        }
        if isLast {
            if let totalLength, totalLength != end {
                return .invalid
            }
            if let furthest = chunks.last, furthest.end > end {
                return .invalid
            }
        } else if let totalLength, end > totalLength {
            return .invalid
        }
        let position = firstChunk(atOrAfter: offset)
        if position < chunks.endIndex && chunks[position].offset == offset && chunks[position].end == end
            && !data.isEmpty
        {
            return chunks[position].bytes.elementsEqual(data) ? .duplicate : .invalid
        }
        if position > chunks.startIndex && chunks[position - 1].end > offset {
            return .invalid
        }
        if position < chunks.endIndex && chunks[position].offset < end {
            return .invalid
        }
        if isLast {
            totalLength = end
        }
        if offset == 0 && header.isEmpty {
            header = Array(fragmentHeader)
            nextHeader = fragmentNextHeader
        }
        if !data.isEmpty {
            chunks.insert(Chunk(offset: offset, bytes: Array(data)), at: position)
            receivedBytes += data.count
        }
        return .added
    }

    /// The whole datagram once every byte has arrived; nil while incomplete or if it would exceed 65_535 bytes.
    /// IPv4: a fresh header with offset 0, MF clear, right total length and checksum. IPv6: a fresh 40-byte header
    /// with the payload length and the fragment header's next header. Then the payload.
    func assembled() -> [UInt8]? {
        guard let totalLength, receivedBytes == totalLength, !header.isEmpty else {
            return nil
        }
        let isIPv4 = header[0] >> 4 == 4
        let length = header.count + totalLength
        guard isIPv4 ? length <= 65_535 : totalLength <= 65_535 else {
            return nil
        }
        var datagram: [UInt8] = []
        datagram.reserveCapacity(length)
        datagram.append(contentsOf: header)
        for chunk in chunks {
            datagram.append(contentsOf: chunk.bytes)
        }
        if isIPv4 {
            Self.rewriteIPv4Header(&datagram, headerLength: header.count)
        } else {
            datagram[4] = UInt8(totalLength >> 8)
            datagram[5] = UInt8(truncatingIfNeeded: totalLength)
            datagram[6] = nextHeader
        }
        return datagram
    }

    /// Sets an IPv4 datagram's total length, clears its fragment fields (keeping DF) and recomputes its checksum.
    private static func rewriteIPv4Header(_ datagram: inout [UInt8], headerLength: Int) {
        let length = datagram.count
        datagram[2] = UInt8(length >> 8)
        datagram[3] = UInt8(truncatingIfNeeded: length)
        datagram[6] &= 0x40
        datagram[7] = 0
        datagram[10] = 0
        datagram[11] = 0
        let checksum = headerChecksum(datagram[0..<headerLength])
        datagram[10] = UInt8(checksum >> 8)
        datagram[11] = UInt8(truncatingIfNeeded: checksum)
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
