import Foundation
import TestSupport
import Testing

/// Mail cases the real captures do not show, crafted connection by connection, through the binary to the
/// independent decoder: two SMTP transactions of which only the second concerns the target, a refused recipient,
/// STARTTLS, a message in many segments with one out of order and one retransmitted, a POP3 session reset without
/// QUIT, a warrant address in mixed case, a bare log-on name completed with the default domain, and a session that
/// falls silent past the session timeout.
@Suite(.serialized)
struct EmailCraftedCaptureTests {
    static let server: [UInt8] = [10, 0, 0, 25]
    static let popServer: [UInt8] = [10, 0, 0, 110]
    static let longMessage =
        "Subject: report\r\n\r\n" + (0..<60).map { "line \($0) " + String(repeating: "x", count: 90) + "\r\n" }.joined()

    /// The capture, one connection per client port 40001-40006; 40006 logs on and falls silent for a minute.
    static func capture(at path: String) throws {
        var capture = CraftedCapture()
        var silent = MailConversation(client: [192, 0, 2, 1], clientPort: 40006, server: popServer, serverPort: 110)
        silent.open(in: &capture)
        silent.server("+OK ready\r\n", in: &capture)
        silent.client("USER erin\r\nPASS erin-password\r\n", in: &capture)
        silent.server("+OK\r\n+OK logged in\r\n", in: &capture)
        capture.timeMicros += 60_000_000
        func smtp(_ port: UInt16) -> MailConversation {
            var conversation = MailConversation(
                client: [192, 0, 2, 1],
                clientPort: port,
                server: server,
                serverPort: 25
            )
            conversation.open(in: &capture)
            conversation.server("220 mx ESMTP\r\n", in: &capture)
            conversation.client("EHLO c\r\n", in: &capture)
            conversation.server("250-mx\r\n250 AUTH PLAIN\r\n", in: &capture)
            return conversation
        }
        var twoTransactions = smtp(40001)
        for (recipient, body) in [("eve@example.com", "first message"), ("ERIN@example.org", "second message")] {
            twoTransactions.client("MAIL FROM:<dave@example.com>\r\n", in: &capture)
            twoTransactions.server("250 ok\r\n", in: &capture)
            twoTransactions.client("RCPT TO:<\(recipient)>\r\n", in: &capture)
            twoTransactions.server("250 ok\r\n", in: &capture)
            twoTransactions.client("DATA\r\n", in: &capture)
            twoTransactions.server("354 go\r\n", in: &capture)
            twoTransactions.client("\(body)\r\n.\r\n", in: &capture)
            twoTransactions.server("250 queued\r\n", in: &capture)
        }
        twoTransactions.client("QUIT\r\n", in: &capture)
        twoTransactions.server("221 bye\r\n", in: &capture)
        twoTransactions.close(in: &capture)

        var refused = smtp(40002)
        refused.client(
            "MAIL FROM:<dave@example.com>\r\nRCPT TO:<erin@example.org>\r\nRCPT TO:<eve@example.com>\r\n",
            in: &capture
        )
        refused.server("250 ok\r\n550 no such user\r\n250 ok\r\n", in: &capture)
        refused.client("DATA\r\n", in: &capture)
        refused.server("354 go\r\n", in: &capture)
        refused.client("not for erin\r\n.\r\nQUIT\r\n", in: &capture)
        refused.server("250 queued\r\n221 bye\r\n", in: &capture)
        refused.close(in: &capture)

        var tls = smtp(40003)
        tls.client("AUTH PLAIN AGVyaW5AZXhhbXBsZS5vcmcAZXJpbi1wYXNzd29yZA==\r\n", in: &capture)
        tls.server("235 ok\r\n", in: &capture)
        tls.client("STARTTLS\r\n", in: &capture)
        tls.server("220 ready\r\n", in: &capture)
        tls.client("\u{16}\u{03}\u{01}\u{00}MAIL FROM:<erin@example.org>\r\n", in: &capture)
        tls.server("\u{16}\u{03}\u{03}\u{00}250 ok\r\n", in: &capture)
        tls.close(in: &capture)

        var segmented = smtp(40004)
        segmented.client("MAIL FROM:<erin@example.org>\r\nRCPT TO:<frank@example.net>\r\nDATA\r\n", in: &capture)
        segmented.server("250 ok\r\n250 ok\r\n354 go\r\n", in: &capture)
        segmented.clientReordered(longMessage + ".\r\n", segmentSize: 100, in: &capture)
        segmented.server("250 queued\r\n", in: &capture)
        segmented.client("QUIT\r\n", in: &capture)
        segmented.server("221 bye\r\n", in: &capture)
        segmented.close(in: &capture)

        var pop = MailConversation(client: [192, 0, 2, 1], clientPort: 40005, server: popServer, serverPort: 110)
        pop.open(in: &capture)
        pop.server("+OK ready\r\n", in: &capture)
        pop.client("USER erin@EXAMPLE.org\r\n", in: &capture)
        pop.server("+OK\r\n", in: &capture)
        pop.client("PASS erin-password\r\n", in: &capture)
        pop.server("+OK logged in\r\n", in: &capture)
        pop.client("RETR 1\r\n", in: &capture)
        pop.server("+OK 24 octets\r\nSubject: a\r\n\r\n..dotted\r\n.\r\n", in: &capture)
        pop.reset(in: &capture)
        try capture.write(to: path)
    }

    @Test func craftedMailSessions() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let path = appliance.directory + "/mail-crafted.pcap"
        try Self.capture(at: path)
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        for arguments in [
            ["agency", "add", "LEA", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "smtp", "10.0.0.25"], ["server", "add", "pop3", "10.0.0.110"],
            ["warrant", "add", "email", "MAIL-ERIN", "--agency", "LEA", "--address", "Erin@Example.ORG"],
        ] {
            let result = try appliance.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let run = try appliance.run(
            [
                "run", "--pcap", path, "--retry", "1", "--email-default-domain", "Example.org",
                "--email-session-timeout", "10",
            ])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("1 timed out"), "summary: \(run.standardError)")
        #expect(run.standardError.contains("1 STARTTLS"), "summary: \(run.standardError)")
        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        let iris = records.filter { $0.kind == "IRI" }.sorted { ($0.cin, $0.sequence) < ($1.cin, $1.sequence) }
        var portOfCIN: [Int: Int] = [:]
        for iri in iris { portOfCIN[iri.cin] = iri.emailClientPort }
        func events(_ port: Int) -> [String] {
            iris.filter { $0.emailClientPort == port }.map { "\($0.event ?? "?") \($0.iriType ?? "?")" }
        }
        func contents(_ port: Int) -> [String] {
            records.filter { $0.kind == "CC" && portOfCIN[$0.cin] == port }.sorted { $0.sequence < $1.sequence }
                .map { "\($0.direction ?? "?") " + String(decoding: $0.emailContent ?? [], as: UTF8.self) }
        }
        #expect(events(40001) == ["e-mail-receive iRI-Begin", "e-mail-logoff iRI-End"])
        #expect(contents(40001) == ["toTarget second message\r\n"])
        #expect(iris.first { $0.emailClientPort == 40001 }?.emailRecipients == ["ERIN@example.org"])
        #expect(events(40002).isEmpty && contents(40002).isEmpty)
        #expect(events(40003) == ["e-mail-logon iRI-Begin", "e-mail-logoff iRI-End"])
        #expect(contents(40003).isEmpty)
        #expect(events(40004) == ["e-mail-send iRI-Begin", "e-mail-logoff iRI-End"])
        #expect(contents(40004) == ["fromTarget " + Self.longMessage])
        #expect(events(40005) == ["e-mail-logon iRI-Begin", "e-mail-download iRI-Continue", "e-mail-logoff iRI-End"])
        #expect(contents(40005) == ["toTarget Subject: a\r\n\r\n.dotted\r\n"])
        #expect(events(40006) == ["e-mail-logon iRI-Begin", "e-mail-logoff iRI-End"])
        #expect(Set(portOfCIN.values).count == portOfCIN.count, "one CIN per session")
        #expect(!records.contains { String(decoding: $0.emailContent ?? [], as: UTF8.self).contains("password") })
    }
}
