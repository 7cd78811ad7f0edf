/// Finds one part of a MIME multipart body (RFC 2046 section 5.1).
enum SIPMultipart {
    /// The content of the first part whose Content-Type media type is `type`, in a body with `boundary`.
    static func part(ofType type: String, in body: [UInt8], boundary: [UInt8]) -> [UInt8]? {
        body.withUnsafeBytes { bytes in
            let delimiter = Array("--".utf8) + boundary
            var position = SIPLines.find(delimiter, in: bytes, from: 0, to: bytes.count)
            while let delimiterStart = position {
                let afterDelimiter = delimiterStart + delimiter.count
                if afterDelimiter + 2 <= bytes.count, bytes[afterDelimiter] == UInt8(ascii: "-"),
                    bytes[afterDelimiter + 1] == UInt8(ascii: "-")
                {
                    return nil
                }
                guard let lineFeed = SIPLines.firstLineFeed(bytes, from: afterDelimiter, to: bytes.count) else {
                    return nil
                }
                let partStart = lineFeed + 1
                let next = SIPLines.find(delimiter, in: bytes, from: partStart, to: bytes.count)
                var partEnd = next ?? bytes.count
                if partEnd > partStart, bytes[partEnd - 1] == SIPLines.lf {
                    partEnd -= 1
                }
                if partEnd > partStart, bytes[partEnd - 1] == SIPLines.cr {
                    partEnd -= 1
                }
                if let content = content(of: type, in: bytes, from: partStart, to: partEnd) {
                    return content
                }
                position = next
            }
            return nil
        }
    }

    /// The content of the part in `start..<end` when its Content-Type is `type`.
    private static func content(
        of type: String,
        in bytes: UnsafeRawBufferPointer,
        from start: Int,
        to end: Int
    ) -> [UInt8]? {
        let headerEnd: Int
        let contentStart: Int
        if start < end, bytes[start] == SIPLines.lf || bytes[start] == SIPLines.cr {
            headerEnd = start
            contentStart = bytes[start] == SIPLines.cr && start + 1 < end ? start + 2 : start + 1
        } else if let (found, after) = SIPLines.headerBoundary(bytes, from: start, to: end) {
            headerEnd = found
            contentStart = after
        } else {
            return nil
        }
        var partType = "text/plain"
        for line in SIPLines.lines(bytes, from: start, to: headerEnd) {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, SIPHeader.canonicalName(String(SIPText.trim(pair[0]))) == "content-type" {
                partType = String(SIPText.trim(pair[1].prefix { $0 != ";" })).lowercased()
            }
        }
        guard partType == type, contentStart <= end else {
            return nil
        }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[contentStart..<end]))
    }
}
