/// The log-on name in a SASL exchange (SMTP AUTH, IMAP AUTHENTICATE, POP3 AUTH): PLAIN's authorisation or
/// authentication identity, LOGIN's first response, CRAM-MD5's and DIGEST-style user word. The secret part is
/// decoded only to be dropped.
struct SASLExchange: Sendable {
    /// The mechanism, in upper case.
    let mechanism: String
    /// The user, once a response named one.
    private(set) var user: String?
    /// Whether the server's last word was a challenge the client's next line answers.
    var awaitsResponse = false
    private var responses = 0

    /// Starts an exchange for `mechanism` (any case), with the client's initial response if it sent one.
    init(mechanism: some Collection<UInt8>, initialResponse: (some Collection<UInt8>)?) {
        self.mechanism = MailBytes.upperWord(mechanism)
        if let initialResponse { take(response: initialResponse) }
    }

    /// Takes the client line that answers a challenge (`*` cancels the exchange).
    mutating func answer(_ line: [UInt8]) {
        awaitsResponse = false
        if line != [UInt8(ascii: "*")] { take(response: line) }
    }

    /// The server's final reply to the exchange: the log-on it was, if a response named a user (the session's user
    /// when accepted); the exchange is over.
    static func conclude(
        _ exchange: inout SASLExchange?,
        accepted: Bool,
        user: inout String?,
        events: inout [MailEvent]
    ) {
        if let name = exchange?.user {
            events.append(.logon(user: name, succeeded: accepted))
            if accepted { user = name }
        }
        exchange = nil
    }

    /// Takes one client response (base64 text; `=` alone is an empty response).
    mutating func take(response: some Collection<UInt8>) {
        responses += 1
        guard user == nil, let decoded = Base64.decode(response) else { return }
        switch mechanism {
        case "PLAIN":
            let fields = decoded.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return }
            let chosen = fields[0].isEmpty ? fields[1] : fields[0]
            if !chosen.isEmpty { user = MailBytes.text(chosen) }
        case "LOGIN":
            if responses == 1, !decoded.isEmpty { user = MailBytes.text(decoded) }
        case "CRAM-MD5":
            if let name = decoded.split(separator: 0x20).first { user = MailBytes.text(name) }
        default:
            break
        }
    }
}
