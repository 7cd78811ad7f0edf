/// Splits one direction of a mail session into lines (without their CR LF), across TCP segments, holding at most
/// ``limit`` octets of a line; a longer line is reported once and skipped to its end.
struct MailLineReader: Sendable {
    /// What reading from a buffer gave.
    enum Outcome {
        /// A whole line.
        case line([UInt8])
        /// The buffer ended inside a line (or inside a line being skipped).
        case incomplete
        /// A line grew past the limit; the rest of it is skipped.
        case overlong
    }

    /// The longest line kept.
    let limit: Int
    private var partial: [UInt8] = []
    private var skipping = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Reads the next line from `bytes` at `index`, moving `index` past what was read.
    mutating func next(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) -> Outcome {
        while index < bytes.count {
            guard let lineFeed = MailBytes.find(0x0A, in: bytes, from: index) else {
                let rest = bytes.count - index
                if !skipping {
                    if partial.count + rest > limit {
                        partial.removeAll(keepingCapacity: true)
                        skipping = true
                        index = bytes.count
                        return .overlong
                    }
                    partial.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index...]))
                }
                index = bytes.count
                return .incomplete
            }
            let start = index
            index = lineFeed + 1
            if skipping {
                skipping = false
                continue
            }
            if partial.count + lineFeed - start > limit {
                partial.removeAll(keepingCapacity: true)
                return .overlong
            }
            var line = partial
            partial.removeAll(keepingCapacity: true)
            line.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<lineFeed]))
            if line.last == 0x0D { line.removeLast() }
            return .line(line)
        }
        return .incomplete
    }

    /// The next whole line from `bytes` at `index`, or nil when the buffer ends inside one; a line past the limit is
    /// reported in `events`.
    mutating func nextLine(_ bytes: UnsafeRawBufferPointer, _ index: inout Int, events: inout [MailEvent]) -> [UInt8]? {
        switch next(bytes, &index) {
        case .line(let line):
            return line
        case .incomplete:
            return nil
        case .overlong:
            events.append(.error(.overlongLine))
            return nil
        }
    }

    /// Drops a line in progress and skips to the end of the line the stream is in (after bytes were lost).
    mutating func resynchronise() {
        partial.removeAll(keepingCapacity: true)
        skipping = true
    }

    /// Octets of an unfinished line held.
    var heldOctets: Int { partial.count }
}
