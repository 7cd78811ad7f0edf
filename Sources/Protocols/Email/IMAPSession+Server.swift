extension IMAPSession {
    /// Takes the next bytes the server sent.
    public mutating func takeServer(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count, !isOpaque {
            switch serverMode {
            case .literal(let remaining, let use):
                let taken = min(remaining, bytes.count - index)
                if use == .message {
                    content.append(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + taken)]), events: &events)
                }
                index += taken
                if taken < remaining {
                    serverMode = .literal(remaining: remaining - taken, use: use)
                } else {
                    serverMode = .lines
                    serverContinues = true
                    if use == .message { endMessage(events: &events) }
                }
            case .lines:
                switch serverLines.next(bytes, &index) {
                case .line(let line): serverLine(line, events: &events)
                case .incomplete: break
                case .overlong:
                    serverContinues = false
                    events.append(.error(.overlongLine))
                }
            }
        }
    }

    /// Applies one server line: untagged data (or its continuation after a literal), a continuation request, or a
    /// tagged reply.
    private mutating func serverLine(_ line: [UInt8], events: inout [MailEvent]) {
        if serverContinues || (line.count >= 2 && line[0] == UInt8(ascii: "*") && line[1] == 0x20) {
            serverContinues = false
            guard let marker = Self.literal(endingLine: line) else { return }
            guard let length = marker.length, length <= 1 << 40 else {
                events.append(.error(.badLength))
                return
            }
            var use = LiteralUse.skipped
            if let kind = Self.bodyItem(endingText: marker.text) {
                startMessage(kind)
                use = .message
            }
            if length > 0 {
                serverMode = .literal(remaining: length, use: use)
            } else {
                serverContinues = true
                if use == .message { endMessage(events: &events) }
            }
            return
        }
        if line.first == UInt8(ascii: "+") {
            if building == nil, let last = pending.last?.command {
                switch last {
                case .authenticate, .idle: continuationAwaited = true
                default: break
                }
            }
            return
        }
        tagged(line, events: &events)
    }

    /// A tagged reply: the command with that tag is done.
    private mutating func tagged(_ line: [UInt8], events: inout [MailEvent]) {
        let words = line.split(separator: 0x20, maxSplits: 2)
        guard words.count >= 2 else {
            events.append(.error(.badReply))
            return
        }
        let status = MailBytes.upperWord(words[1])
        guard status == "OK" || status == "NO" || status == "BAD" else {
            events.append(.error(.badReply))
            return
        }
        let tag = Array(words[0])
        if let command = building, command.tag == tag {
            building = nil
            clientMode = .lines
            return
        }
        guard let position = pending.firstIndex(where: { $0.tag == tag }) else { return }
        let command = pending.remove(at: position).command
        let accepted = status == "OK"
        switch command {
        case .login(let name):
            guard let name else { break }
            events.append(.logon(user: name, succeeded: accepted))
            if accepted { user = name }
        case .authenticate:
            SASLExchange.conclude(&sasl, accepted: accepted, user: &user, events: &events)
            continuationAwaited = false
        case .fetch, .append:
            for var message in waiting {
                message.succeeded = accepted
                events.append(.message(message))
            }
            waiting.removeAll()
        case .logout:
            if accepted { events.append(.logoff) }
        case .idle:
            continuationAwaited = false
        case .startTLS:
            if accepted {
                isOpaque = true
                events.append(.startTLS)
            }
        case .other:
            break
        }
    }

    /// The retrieval a literal is, from the data item just before it: `BODY[]`, `BINARY[]` and `RFC822` are whole
    /// messages; another section, a range (`<n>`) or `RFC822.HEADER`/`.TEXT` a part; nil for any other item.
    static func bodyItem(endingText text: ArraySlice<UInt8>) -> MailMessage.Kind? {
        var end = text.endIndex
        while end > text.startIndex && text[end - 1] == 0x20 { end -= 1 }
        var start = end
        var depth = 0
        while start > text.startIndex {
            let byte = text[start - 1]
            if byte == UInt8(ascii: "]") {
                depth += 1
            } else if byte == UInt8(ascii: "[") {
                depth -= 1
            } else if depth == 0 && (byte == 0x20 || byte == UInt8(ascii: "(")) {
                break
            }
            start -= 1
        }
        let item = MailBytes.upperWord(text[start..<end])
        if item == "BODY[]" || item == "BINARY[]" || item == "RFC822" { return .download }
        if item.hasPrefix("BODY[") || item.hasPrefix("BINARY[") || item.hasPrefix("RFC822.") { return .partialDownload }
        return nil
    }
}
