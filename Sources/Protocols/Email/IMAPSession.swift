/// Follows one IMAP4rev1/rev2 connection from both directions, in capture order, and reports log-ons (LOGIN,
/// AUTHENTICATE), retrieved messages (FETCH of a whole message or a part), uploads (APPEND) and the log-off as
/// ``MailEvent``s.
///
/// Commands are matched to their tagged replies by tag. Literals (`{n}`, `{n+}`) are followed in both directions
/// across segments; the literal of a body item in a FETCH response (`BODY[...]`, `BINARY[...]`, `RFC822...`) is a
/// retrieved message, and an APPEND's literal an uploaded one. Their content is kept when the logged-on user is a
/// target; each goes out as a piece when its literal ends, and its event when the command's tagged reply comes.
public struct IMAPSession {
    enum Command {
        case login(String?)
        case authenticate, fetch, append, logout, idle, startTLS, other
    }

    /// What a literal being read is.
    enum LiteralUse {
        /// Part of a command's arguments (a LOGIN name...): kept up to ``argumentLimit`` octets.
        case argument
        /// A message (a FETCH body item, an APPEND message).
        case message
        /// Nothing of interest.
        case skipped
    }

    enum Mode {
        case lines
        case literal(remaining: Int, use: LiteralUse)
    }

    /// The most commands waiting for their tagged replies.
    static let pendingLimit = 128
    /// The most octets of a literal argument kept.
    static let argumentLimit = 1024
    /// The most retrieved messages waiting for their command's tagged reply.
    static let waitingLimit = 1024

    let lookup: any MailTargetLookup
    var pending: [(tag: [UInt8], command: Command)] = []
    var clientLines = MailLineReader(limit: 16_384)
    var serverLines = MailLineReader(limit: 65_536)
    var clientMode = Mode.lines
    var serverMode = Mode.lines
    /// The command being read (its tag, verb and arguments), while its literals arrive.
    var building: IMAPCommandLine?
    /// Whether the server line being read continues a response after a literal.
    var serverContinues = false
    var sasl: SASLExchange?
    /// The client's next line answers a continuation (an AUTHENTICATE challenge, or IDLE's DONE).
    var continuationAwaited = false
    var user: String?
    var content: MessageContent
    /// Retrieved or uploaded messages waiting for their command's tagged reply.
    var waiting: [MailMessage] = []
    /// Whether the session switched to TLS (nothing after it is read).
    public internal(set) var isOpaque = false

    /// Follows a new connection; `lookup` says whether the logged-on user is a target when a message starts.
    public init(lookup: any MailTargetLookup, pieceLimit: Int) {
        self.lookup = lookup
        content = MessageContent(pieceLimit: pieceLimit)
    }

    /// Bytes of one direction were lost: a literal is shortened by them; otherwise the parser picks up at the next
    /// line.
    public mutating func lost(octets: Int, fromClient: Bool, into events: inout [MailEvent]) {
        events.append(.error(.gap))
        let mode = fromClient ? clientMode : serverMode
        var next = Mode.lines
        if case .literal(let remaining, let use) = mode {
            if use == .message { content.incomplete = true }
            if octets < remaining { next = .literal(remaining: remaining - octets, use: use) }
        }
        if fromClient {
            clientMode = next
            if case .lines = next {
                clientLines.resynchronise()
                building = nil
            }
        } else {
            serverMode = next
            if case .lines = next { serverLines.resynchronise() }
        }
    }

    mutating func push(tag: [UInt8], _ command: Command) {
        if pending.count >= Self.pendingLimit { pending.removeFirst() }
        pending.append((tag, command))
    }

    /// Whether the logged-on user is a target now.
    var userIsTarget: Bool { user.map(lookup.isTarget) ?? false }

    /// A message literal starts.
    mutating func startMessage(_ kind: MailMessage.Kind) {
        content.start(MailMessage(kind: kind, succeeded: false, user: user, contentKept: userIsTarget))
    }

    /// A message literal ended: its content goes out now, its event waits for the tagged reply.
    mutating func endMessage(events: inout [MailEvent]) {
        var message = content.finish(succeeded: true)
        if message.contentKept && !message.content.isEmpty { events.append(.messagePiece(message)) }
        message.content = []
        if waiting.count >= Self.waitingLimit { events.append(.message(waiting.removeFirst())) }
        waiting.append(message)
    }

    /// The literal marker at the end of a line (`{n}` or `{n+}`): the line without it, and n.
    static func literal(endingLine line: [UInt8]) -> (text: ArraySlice<UInt8>, length: Int?)? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        return (line[..<open], MailBytes.number(digits))
    }
}
