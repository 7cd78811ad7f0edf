/// Reads header fields from the start of an Internet message (RFC 5322) as a retrieval transferred it.
enum MessageHeader {
    /// The address of the `From:` field (in angle brackets, or the field's first word), looked for in the header
    /// section (up to the first empty line, at most 64 KiB); nil when there is none.
    static func fromAddress(in message: [UInt8]) -> String? {
        var start = 0
        let end = min(message.count, 65_536)
        while start < end {
            var lineEnd = start
            while lineEnd < end && message[lineEnd] != 0x0A { lineEnd += 1 }
            var line = message[start..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { return nil }
            if MailBytes.hasPrefix(line, "FROM:") { return address(in: line.dropFirst(5)) }
            start = lineEnd + 1
        }
        return nil
    }

    private static func address(in field: ArraySlice<UInt8>) -> String? {
        if let open = field.lastIndex(of: UInt8(ascii: "<")),
            let close = field[open...].firstIndex(of: UInt8(ascii: ">"))
        {
            let inside = field[(open + 1)..<close]
            return inside.isEmpty || inside.count > 320 ? nil : MailBytes.text(inside)
        }
        guard let word = field.split(separator: 0x20).first(where: { $0.contains(UInt8(ascii: "@")) }),
            word.count <= 320
        else { return nil }
        return MailBytes.text(word)
    }
}
