import FuzzSupport
import Protocols

/// Answers every address alike: all targets, or none.
private final class FixedLookup: MailTargetLookup {
    let answer: Bool

    init(answer: Bool) {
        self.answer = answer
    }

    func isTarget(_ address: String) -> Bool { answer }
}

/// The SMTP, IMAP and POP3 session parsers on one connection, both directions in capture order.
///
/// Input: one selector byte (bits 0-1: SMTP, IMAP or POP3; bit 2: every address is a target's; bits 3-7: the
/// piece limit in KiB, 1 to 32), then records of one control byte (bit 0: from the server; bit 1: bytes lost,
/// the length being their count), a 16-bit big-endian length and, unless lost, that many bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmail(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let selector = input.byte() else { return 0 }
    let lookup = FixedLookup(answer: selector & 4 != 0)
    let pieceLimit = (Int(selector >> 3) + 1) << 10
    switch selector & 3 {
    case 0: run(SMTPSession(lookup: lookup, pieceLimit: pieceLimit), on: &input)
    case 1: run(IMAPSession(lookup: lookup, pieceLimit: pieceLimit), on: &input)
    default: run(POP3Session(lookup: lookup, pieceLimit: pieceLimit), on: &input)
    }
    return 0
}

/// Feeds the records to `parser` as the email tracker does (nothing once the session switched to TLS).
private func run(_ parser: some MailSessionParser, on input: inout FuzzInput) {
    var parser = parser
    var events: [MailEvent] = []
    while let control = input.byte(), !parser.isOpaque {
        let fromClient = control & 1 == 0
        if control & 2 != 0 {
            parser.lost(octets: Int(input.uint16()), fromClient: fromClient, into: &events)
            continue
        }
        let bytes = input.record()
        if fromClient {
            parser.takeClient(bytes, into: &events)
        } else {
            parser.takeServer(bytes, into: &events)
        }
    }
    _ = events.map { String(describing: $0).utf8.count }
}
