extension IMAPSession {
    /// Takes the next bytes the client sent.
    public mutating func takeClient(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count, !isOpaque {
            switch clientMode {
            case .literal(let remaining, let use):
                let taken = min(remaining, bytes.count - index)
                let piece = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + taken)])
                index += taken
                switch use {
                case .message: content.append(piece, events: &events)
                case .argument: building?.addLiteral(piece, limit: Self.argumentLimit)
                case .skipped: break
                }
                if taken < remaining {
                    clientMode = .literal(remaining: remaining - taken, use: use)
                } else {
                    clientMode = .lines
                    if use == .message { endMessage(events: &events) }
                }
            case .lines:
                switch clientLines.next(bytes, &index) {
                case .line(let line): clientLine(line, events: &events)
                case .incomplete: break
                case .overlong:
                    building = nil
                    events.append(.error(.overlongLine))
                }
            }
        }
    }

    /// Applies one client line: a command, part of one (before a literal), or a continuation response.
    private mutating func clientLine(_ line: [UInt8], events: inout [MailEvent]) {
        if building == nil && continuationAwaited {
            continuationAwaited = false
            sasl?.answer(line)
            return
        }
        let marker = Self.literal(endingLine: line)
        let text = marker?.text ?? line[...]
        if building == nil {
            guard let command = IMAPCommandLine(firstLine: text) else {
                if !line.isEmpty { events.append(.error(.badCommand)) }
                return
            }
            building = command
        } else {
            building?.add(text: text)
        }
        guard let marker else {
            if let command = building { begin(command, events: &events) }
            building = nil
            return
        }
        guard let length = marker.length, length <= 1 << 40 else {
            events.append(.error(.badLength))
            building = nil
            clientLines.resynchronise()
            return
        }
        let isMessage = building?.verb == "APPEND" && !(building?.arguments.isEmpty ?? true)
        if isMessage { startMessage(.upload) } else { building?.arguments.append([]) }
        if length > 0 {
            clientMode = .literal(remaining: length, use: isMessage ? .message : .argument)
        } else if isMessage {
            endMessage(events: &events)
        }
    }

    /// A whole command was read: it waits for its tagged reply.
    private mutating func begin(_ command: IMAPCommandLine, events: inout [MailEvent]) {
        switch command.verb {
        case "LOGIN":
            push(tag: command.tag, .login(command.arguments.first.map(MailBytes.text)))
        case "AUTHENTICATE":
            guard let mechanism = command.arguments.first else { return push(tag: command.tag, .other) }
            let initialResponse = command.arguments.count >= 2 ? command.arguments[1] : nil
            sasl = SASLExchange(mechanism: mechanism, initialResponse: initialResponse)
            push(tag: command.tag, .authenticate)
        case "FETCH":
            push(tag: command.tag, .fetch)
        case "APPEND":
            push(tag: command.tag, .append)
        case "LOGOUT":
            push(tag: command.tag, .logout)
        case "IDLE":
            push(tag: command.tag, .idle)
        case "STARTTLS":
            push(tag: command.tag, .startTLS)
        default:
            push(tag: command.tag, .other)
        }
    }
}

extension IMAPCommandLine {
    /// Adds the octets of a literal to the argument the literal stands for (up to `limit` of them).
    mutating func addLiteral(_ bytes: UnsafeRawBufferPointer, limit: Int) {
        guard !arguments.isEmpty else { return }
        let room = max(0, limit - arguments[arguments.count - 1].count)
        arguments[arguments.count - 1].append(
            contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<min(room, bytes.count)])
        )
    }
}
