/// Follows one SMTP connection (RFC 5321, with AUTH, PIPELINING, CHUNKING and STARTTLS) from both directions, in
/// capture order, and reports log-ons, completed transactions and the log-off as ``MailEvent``s.
///
/// Replies are matched to commands in order (pipelined commands wait in a queue). Client bytes after DATA are held
/// until the server answers it, so that a refused DATA is not read as a message. Every transaction is judged on its
/// own: a message's content is kept only when, as it starts, the session's user, its sender or one of its accepted
/// recipients is a target.
public struct SMTPSession {
    enum Command {
        case greeting, hello, auth
        case mail(String?)
        case rcpt(String?)
        case data, dataEnd
        case bdat(last: Bool)
        case reset, quit
        case startTLS, other
    }

    enum ClientMode {
        case commands, awaitingDataReply, data
        case chunk(remaining: Int, last: Bool)
        case opaque
    }

    /// The most client octets held while a DATA waits for its reply.
    static let heldLimit = 65_536
    /// The most commands waiting for replies.
    static let pendingLimit = 256

    let lookup: any MailTargetLookup
    var pending: [Command] = [.greeting]
    var clientLines = MailLineReader(limit: 4096)
    var serverLines = MailLineReader(limit: 4096)
    var clientMode = ClientMode.commands
    var held: [UInt8] = []
    var sasl: SASLExchange?
    var user: String?
    var sender: String?
    var recipients: [String] = []
    var chunking = false
    var dot = DotTerminatedReader()
    var content: MessageContent
    /// Whether the session switched to TLS (nothing after it is read).
    public internal(set) var isOpaque = false

    /// Follows a new connection; `lookup` says which addresses are targets' when a message starts.
    public init(lookup: any MailTargetLookup, pieceLimit: Int) {
        self.lookup = lookup
        content = MessageContent(pieceLimit: pieceLimit)
    }

    /// Takes the next bytes the client sent.
    public mutating func takeClient(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count {
            switch clientMode {
            case .opaque:
                return
            case .awaitingDataReply:
                hold(UnsafeRawBufferPointer(rebasing: bytes[index...]), events: &events)
                return
            case .data:
                if dot.read(bytes, &index, into: &content, events: &events) {
                    push(.dataEnd)
                    clientMode = .commands
                }
            case .chunk(let remaining, let last):
                let taken = min(remaining, bytes.count - index)
                content.append(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + taken)]), events: &events)
                index += taken
                clientMode = remaining == taken ? .commands : .chunk(remaining: remaining - taken, last: last)
                if remaining == taken { push(.bdat(last: last)) }
            case .commands:
                if let line = clientLines.nextLine(bytes, &index, events: &events) {
                    command(line, events: &events)
                }
            }
        }
    }

    /// Takes the next bytes the server sent.
    public mutating func takeServer(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent]) {
        var index = 0
        while index < bytes.count, !isOpaque {
            if let line = serverLines.nextLine(bytes, &index, events: &events) {
                reply(line, events: &events)
            }
        }
    }

    /// Bytes of one direction were lost (`octets` of them): the parser picks up again at the next line.
    public mutating func lost(octets: Int, fromClient: Bool, into events: inout [MailEvent]) {
        events.append(.error(.gap))
        guard fromClient else {
            serverLines.resynchronise()
            return
        }
        switch clientMode {
        case .data:
            dot.resynchronise()
            content.incomplete = true
        case .chunk(let remaining, let last):
            content.incomplete = true
            if octets < remaining {
                clientMode = .chunk(remaining: remaining - octets, last: last)
            } else {
                clientMode = .commands
                push(.bdat(last: last))
                clientLines.resynchronise()
            }
        case .commands, .awaitingDataReply:
            clientLines.resynchronise()
        case .opaque:
            break
        }
    }

    /// Queues a command for its reply.
    mutating func push(_ command: Command) {
        if pending.count >= Self.pendingLimit { pending.removeFirst() }
        pending.append(command)
    }

    /// Holds client bytes sent after DATA until the server answers it; past the limit the DATA is taken as accepted.
    private mutating func hold(_ bytes: UnsafeRawBufferPointer, events: inout [MailEvent]) {
        held.append(contentsOf: bytes)
        guard held.count > Self.heldLimit else { return }
        events.append(.error(.unexpectedData))
        if let position = pending.firstIndex(where: { if case .data = $0 { true } else { false } }) {
            pending.remove(at: position)
        }
        startData()
        resumeHeld(events: &events)
    }

    /// Reads the bytes held while DATA waited for its reply, in the mode the reply chose.
    mutating func resumeHeld(events: inout [MailEvent]) {
        guard !held.isEmpty else { return }
        let bytes = held
        held = []
        bytes.withUnsafeBytes { takeClient($0, into: &events) }
    }

    /// The message of the transaction starts: its content is kept when it concerns a target.
    mutating func startData() {
        clientMode = .data
        dot.reset()
        content.start(envelope)
    }

    /// The transaction as it stands, for the message starting now (its content kept when it concerns a target).
    var envelope: MailMessage {
        MailMessage(
            kind: .sent,
            succeeded: false,
            sender: sender,
            recipients: recipients,
            user: user,
            contentKept: concernsTarget
        )
    }

    /// Whether the session's user, the transaction's sender or one of its accepted recipients is a target.
    var concernsTarget: Bool {
        if let user, lookup.isTarget(user) { return true }
        if let sender, lookup.isTarget(sender) { return true }
        return recipients.contains { lookup.isTarget($0) }
    }
}
