extension SMTPSession {
    /// Applies one client command line.
    mutating func command(_ line: [UInt8], events: inout [MailEvent]) {
        if sasl?.awaitsResponse == true {
            sasl?.answer(line)
            return
        }
        let words = MailBytes.words(line)
        guard let verb = words.first else { return }
        switch MailBytes.upperWord(verb) {
        case "HELO", "EHLO", "LHLO":
            resetTransaction()
            push(.hello)
        case "AUTH":
            guard words.count >= 2 else { return push(.other) }
            sasl = SASLExchange(mechanism: words[1], initialResponse: words.count >= 3 ? words[2] : nil)
            push(.auth)
        case "MAIL":
            push(.mail(Self.path(in: line)))
        case "RCPT":
            push(.rcpt(Self.path(in: line)))
        case "DATA":
            push(.data)
            clientMode = .awaitingDataReply
        case "BDAT":
            chunk(words, events: &events)
        case "RSET":
            push(.reset)
        case "QUIT":
            push(.quit)
        case "STARTTLS":
            push(.startTLS)
        default:
            if !MailBytes.isLetters(verb) { events.append(.error(.badCommand)) }
            push(.other)
        }
    }

    /// `BDAT size [LAST]`: the next `size` octets are a chunk of the message.
    private mutating func chunk(_ words: [ArraySlice<UInt8>], events: inout [MailEvent]) {
        guard words.count >= 2, let size = MailBytes.number(words[1]), size <= 1 << 40 else {
            events.append(.error(.badLength))
            return push(.other)
        }
        let last = words.count >= 3 && MailBytes.upperWord(words[2]) == "LAST"
        if !chunking {
            chunking = true
            content.start(envelope)
        }
        if size == 0 {
            push(.bdat(last: last))
        } else {
            clientMode = .chunk(remaining: size, last: last)
        }
    }

    /// Applies one server reply line; only the last line of a multi-line reply answers a command.
    mutating func reply(_ line: [UInt8], events: inout [MailEvent]) {
        guard line.count >= 3, let code = MailBytes.number(line[0..<3]) else {
            events.append(.error(.badReply))
            return
        }
        if line.count > 3 && line[3] == UInt8(ascii: "-") { return }
        if code == 334, sasl != nil {
            sasl?.awaitsResponse = true
            return
        }
        guard !pending.isEmpty else { return }
        let accepted = (200..<300).contains(code)
        switch pending.removeFirst() {
        case .greeting, .hello, .other:
            break
        case .auth:
            SASLExchange.conclude(&sasl, accepted: accepted, user: &user, events: &events)
        case .mail(let address):
            if accepted {
                resetTransaction()
                sender = address
            }
        case .rcpt(let address):
            if accepted, let address { recipients.append(address) }
        case .data:
            if code == 354 { startData() } else { clientMode = .commands }
            resumeHeld(events: &events)
        case .dataEnd:
            finishTransaction(succeeded: accepted, events: &events)
        case .bdat(let last):
            if !accepted || last { finishTransaction(succeeded: accepted, events: &events) }
        case .reset:
            resetTransaction()
        case .quit:
            if accepted { events.append(.logoff) }
        case .startTLS:
            if code == 220 {
                isOpaque = true
                clientMode = .opaque
                events.append(.startTLS)
            }
        }
    }

    /// The transaction's message got its final reply.
    private mutating func finishTransaction(succeeded: Bool, events: inout [MailEvent]) {
        events.append(.message(content.finish(succeeded: succeeded)))
        resetTransaction()
    }

    /// Forgets the transaction's envelope (RSET, EHLO, a new MAIL, the end of a message).
    mutating func resetTransaction() {
        sender = nil
        recipients = []
        chunking = false
    }

    /// The address of `MAIL FROM:<path>` or `RCPT TO:<path>` (a source route dropped; nil for `<>`).
    static func path(in line: [UInt8]) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var rest = line[(colon + 1)...].drop { $0 == 0x20 }
        if rest.first == UInt8(ascii: "<") {
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: UInt8(ascii: ">")) else { return nil }
            rest = rest[..<close]
            if rest.first == UInt8(ascii: "@"), let routeEnd = rest.firstIndex(of: UInt8(ascii: ":")) {
                rest = rest[(routeEnd + 1)...]
            }
        } else if let space = rest.firstIndex(of: 0x20) {
            rest = rest[..<space]
        }
        guard !rest.isEmpty, rest.count <= 320 else { return nil }
        return MailBytes.text(rest)
    }
}
