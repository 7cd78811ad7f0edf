/// The content of the message being transferred in a direction: every octet is counted, and when the message
/// concerns a target its octets are kept, in pieces of at most ``pieceLimit`` so that a session's memory stays bounded
/// however long the message. A retrieved message's sender is read from its `From:` header.
struct MessageContent {
    /// The most octets held before a piece is handed out.
    let pieceLimit: Int
    /// Octets of the message so far.
    private(set) var octets = 0
    /// Whether bytes of the message were lost.
    var incomplete = false
    private var envelope = MailMessage(kind: .sent, succeeded: false)
    private var held: [UInt8] = []
    private var piecesSent = 0

    init(pieceLimit: Int) {
        self.pieceLimit = max(1, pieceLimit)
    }

    /// Whether the octets are kept.
    var kept: Bool { envelope.contentKept }

    /// Starts a new message described by `envelope` (kept when its `contentKept` is set).
    mutating func start(_ envelope: MailMessage) {
        self.envelope = envelope
        octets = 0
        incomplete = false
        piecesSent = 0
        held = []
    }

    /// Adds octets; a full piece goes to `events` as ``MailEvent/messagePiece(_:)``.
    mutating func append(_ bytes: UnsafeRawBufferPointer, events: inout [MailEvent]) {
        octets += bytes.count
        guard envelope.contentKept else { return }
        var rest = bytes
        while !rest.isEmpty {
            let taken = min(pieceLimit - held.count, rest.count)
            held.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if held.count == pieceLimit { events.append(.messagePiece(takePiece())) }
        }
    }

    /// Adds octets given as an array.
    mutating func append(_ bytes: [UInt8], events: inout [MailEvent]) {
        bytes.withUnsafeBytes { append($0, events: &events) }
    }

    /// Ends the message: its description with the last piece of content held.
    mutating func finish(succeeded: Bool) -> MailMessage {
        var message = takePiece()
        message.succeeded = succeeded
        envelope = MailMessage(kind: .sent, succeeded: false)
        return message
    }

    /// The envelope with the content held so far, which the content no longer holds.
    private mutating func takePiece() -> MailMessage {
        if piecesSent == 0, envelope.kind != .sent, envelope.contentKept,
            let from = MessageHeader.fromAddress(in: held)
        {
            envelope.sender = from
        }
        piecesSent += 1
        var piece = envelope
        piece.content = held
        piece.octets = octets
        piece.incomplete = incomplete
        held = []
        return piece
    }
}

/// Reads a dot-terminated body (SMTP DATA, a POP3 multi-line reply): removes the leading dot of stuffed lines and
/// stops after the line holding only `.`; the content keeps its line ends.
struct DotTerminatedReader: Sendable {
    private enum State: Sendable {
        case lineStart, afterDot, afterDotCR, inLine
    }

    private var state = State.lineStart

    /// Starts a new body.
    mutating func reset() {
        state = .lineStart
    }

    /// After lost bytes: the reader is somewhere inside a line.
    mutating func resynchronise() {
        state = .inLine
    }

    /// Reads from `bytes` at `index`, adding content to `content`; true when the terminating line was read (and
    /// `index` is just past it).
    mutating func read(
        _ bytes: UnsafeRawBufferPointer,
        _ index: inout Int,
        into content: inout MessageContent,
        events: inout [MailEvent]
    ) -> Bool {
        while index < bytes.count {
            switch state {
            case .inLine:
                let end = MailBytes.find(0x0A, in: bytes, from: index).map { $0 + 1 } ?? bytes.count
                content.append(UnsafeRawBufferPointer(rebasing: bytes[index..<end]), events: &events)
                if bytes[end - 1] == 0x0A { state = .lineStart }
                index = end
            case .lineStart:
                if bytes[index] == 0x2E {
                    state = .afterDot
                    index += 1
                } else {
                    state = .inLine
                }
            case .afterDot:
                if bytes[index] == 0x0D {
                    state = .afterDotCR
                    index += 1
                } else if bytes[index] == 0x0A {
                    index += 1
                    state = .lineStart
                    return true
                } else {
                    state = .inLine
                }
            case .afterDotCR:
                if bytes[index] == 0x0A {
                    index += 1
                    state = .lineStart
                    return true
                }
                content.append([0x0D], events: &events)
                state = .inLine
            }
        }
        return false
    }
}
