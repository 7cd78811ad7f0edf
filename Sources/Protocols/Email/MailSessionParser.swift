/// A parser of one mail connection, fed both directions in capture order: SMTP, IMAP or POP3.
public protocol MailSessionParser {
    /// Takes the next bytes the client sent, in order.
    mutating func takeClient(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent])
    /// Takes the next bytes the server sent, in order.
    mutating func takeServer(_ bytes: UnsafeRawBufferPointer, into events: inout [MailEvent])
    /// Bytes of one direction were lost (`octets` of them, 0 when unknown).
    mutating func lost(octets: Int, fromClient: Bool, into events: inout [MailEvent])
    /// Whether the session switched to TLS (nothing after it is read).
    var isOpaque: Bool { get }
}

extension SMTPSession: MailSessionParser {}
extension IMAPSession: MailSessionParser {}
extension POP3Session: MailSessionParser {}
