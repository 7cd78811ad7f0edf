/// Line scanning over raw bytes for SIP and MIME header sections (CRLF or bare LF line ends).
enum SIPLines {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    /// The end of the header section that starts at `start`: the offset of the empty line and the offset just past
    /// it (where a body starts); nil when no empty line appears before `end`.
    static func headerBoundary(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> (Int, Int)? {
        var resume = start
        return headerBoundary(bytes, from: start, to: end, resume: &resume)
    }

    /// ``headerBoundary(_:from:to:)`` from `start`, which must be the start of a line; when no empty line appears,
    /// `resume` is set to the start of the first line not complete before `end`, where a later search, with more
    /// bytes, can begin.
    static func headerBoundary(
        _ bytes: UnsafeRawBufferPointer,
        from start: Int,
        to end: Int,
        resume: inout Int
    ) -> (Int, Int)? {
        var lineStart = start
        defer { resume = lineStart }
        while lineStart < end {
            guard let lineFeed = firstLineFeed(bytes, from: lineStart, to: end) else {
                return nil
            }
            let contentEnd = lineFeed > lineStart && bytes[lineFeed - 1] == cr ? lineFeed - 1 : lineFeed
            if contentEnd == lineStart {
                return (lineStart, lineFeed + 1)
            }
            lineStart = lineFeed + 1
        }
        return nil
    }

    /// The offset of the first LF in `start..<end`.
    static func firstLineFeed(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == lf {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The lines of `start..<end` without their line ends, as text.
    static func lines(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> [Substring] {
        var result: [Substring] = []
        var lineStart = start
        while lineStart < end {
            let lineFeed = firstLineFeed(bytes, from: lineStart, to: end) ?? end
            let contentEnd = lineFeed > lineStart && bytes[lineFeed - 1] == cr ? lineFeed - 1 : lineFeed
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<contentEnd]), as: UTF8.self)
            result.append(Substring(text))
            lineStart = lineFeed + 1
        }
        return result
    }

    /// The first offset at or after `start` where `needle` occurs, before `end`.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty, end - needle.count >= start else {
            return nil
        }
        var index = start
        while index <= end - needle.count {
            var matched = true
            for offset in 0..<needle.count where bytes[index + offset] != needle[offset] {
                matched = false
                break
            }
            if matched {
                return index
            }
            index += 1
        }
        return nil
    }
}
