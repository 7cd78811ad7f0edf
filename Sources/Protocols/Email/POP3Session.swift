/// Follows one POP3 connection (RFC 1939, with AUTH from RFC 5034 and STLS) from both directions, in capture order,
/// and reports log-ons, retrieved messages (RETR whole, TOP partial) and the log-off as ``MailEvent``s.
///
/// Replies are matched to commands in order. The mailbox is named by USER, APOP or the SASL identity of AUTH; a
/// retrieved message's content is kept when that mailbox is a target's.
public struct POP3Session {
    enum Command {
        case greeting
        case user(String)
        case pass
        case apop(String)
        case auth
        case retrieve(partial: Bool)
        case listing, quit, startTLS, other
    }

    enum ServerMode {
        case replies, listing, message
    }

    /// The most commands waiting for replies.
    static let pendingLimit = 256

    let lookup: any MailTargetLookup
    var pending: [Command] = [.greeting]
    var clientLines = MailLineReader(limit: 4096)
    var serverLines = MailLineReader(limit: 8192)
    var serverMode = ServerMode.replies
    var sasl: SASLExchange?
    /// The mailbox the client named (USER, APOP), before the server accepted it.
    var named: String?
    var user: String?
    var dot = DotTerminatedReader()
    var content: MessageContent
    /// Whether the session switched to TLS (nothing after it is read).
    public internal(set) var isOpaque = false

    /// Follows a new connection; `lookup` says which mailboxes are targets' when a message starts.
    public init(lookup: any MailTargetLookup, pieceLimit: Int) {
        self.lookup = lookup
        content = MessageContent(pieceLimit: pieceLimit)
    }

    /// Takes the next bytes the client sent.
    public mutating func takeClient(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count, !isOpaque {
            if let line = clientLines.nextLine(bytes, &index, events: &events) {
                command(line, events: &events)
            }
        }
    }

    /// Takes the next bytes the server sent.
    public mutating func takeServer(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count, !isOpaque {
            switch serverMode {
            case .replies:
                if let line = serverLines.nextLine(bytes, &index, events: &events) {
                    reply(line, events: &events)
                }
            case .listing:
                if dot.read(bytes, &index, into: &content, events: &events) {
                    _ = content.finish(succeeded: true)
                    serverMode = .replies
                }
            case .message:
                if dot.read(bytes, &index, into: &content, events: &events) {
                    serverMode = .replies
                    events.append(.message(content.finish(succeeded: true)))
                }
            }
        }
    }

    /// Bytes of one direction were lost: the parser picks up again at the next line (inside a multi-line reply,
    /// at its terminating line).
    public mutating func lost(octets: Int, fromClient: Bool, into events: inout [MailEvent]) {
        events.append(.error(.gap))
        if fromClient {
            clientLines.resynchronise()
            sasl?.awaitsResponse = false
            return
        }
        switch serverMode {
        case .replies:
            serverLines.resynchronise()
        case .listing, .message:
            dot.resynchronise()
            content.incomplete = true
        }
    }

    private mutating func push(_ command: Command) {
        if pending.count >= Self.pendingLimit { pending.removeFirst() }
        pending.append(command)
    }

    /// Applies one client command line.
    private mutating func command(_ line: [UInt8], events: inout [MailEvent]) {
        if sasl?.awaitsResponse == true {
            sasl?.answer(line)
            return
        }
        let words = MailBytes.words(line)
        guard let verb = words.first else { return }
        switch MailBytes.upperWord(verb) {
        case "USER":
            words.count >= 2 ? push(.user(MailBytes.text(line[words[1].startIndex...]))) : push(.other)
        case "PASS":
            push(.pass)
        case "APOP":
            words.count >= 3 ? push(.apop(MailBytes.text(words[1]))) : push(.other)
        case "AUTH":
            guard words.count >= 2 else { return push(.listing) }
            sasl = SASLExchange(mechanism: words[1], initialResponse: words.count >= 3 ? words[2] : nil)
            push(.auth)
        case "RETR":
            push(.retrieve(partial: false))
        case "TOP":
            push(.retrieve(partial: true))
        case "LIST", "UIDL":
            push(words.count >= 2 ? .other : .listing)
        case "CAPA":
            push(.listing)
        case "QUIT":
            push(.quit)
        case "STLS":
            push(.startTLS)
        default:
            if !MailBytes.isLetters(verb) { events.append(.error(.badCommand)) }
            push(.other)
        }
    }

    /// Applies one server status line (`+OK`, `-ERR`, or a SASL continuation `+ `).
    private mutating func reply(_ line: [UInt8], events: inout [MailEvent]) {
        let accepted: Bool
        if MailBytes.hasPrefix(line, "+OK") {
            accepted = true
        } else if MailBytes.hasPrefix(line, "-ERR") {
            accepted = false
        } else if line.first == UInt8(ascii: "+"), sasl != nil {
            sasl?.awaitsResponse = true
            return
        } else {
            events.append(.error(.badReply))
            return
        }
        guard !pending.isEmpty else { return }
        switch pending.removeFirst() {
        case .greeting, .other:
            break
        case .user(let name):
            named = accepted ? name : nil
        case .pass:
            if let named { events.append(.logon(user: named, succeeded: accepted)) }
            if accepted { user = named }
        case .apop(let name):
            events.append(.logon(user: name, succeeded: accepted))
            if accepted { user = name }
        case .auth:
            SASLExchange.conclude(&sasl, accepted: accepted, user: &user, events: &events)
        case .listing:
            if accepted { startBody(.listing, MailMessage(kind: .download, succeeded: false)) }
        case .retrieve(let partial):
            guard accepted else { break }
            let kept = user.map(lookup.isTarget) ?? false
            let kind: MailMessage.Kind = partial ? .partialDownload : .download
            startBody(.message, MailMessage(kind: kind, succeeded: false, user: user, contentKept: kept))
        case .quit:
            if accepted { events.append(.logoff) }
        case .startTLS:
            if accepted {
                isOpaque = true
                events.append(.startTLS)
            }
        }
    }

    /// A multi-line reply starts; a retrieved message's content is kept as `envelope` says.
    private mutating func startBody(_ mode: ServerMode, _ envelope: MailMessage) {
        serverMode = mode
        dot.reset()
        content.start(envelope)
    }
}
