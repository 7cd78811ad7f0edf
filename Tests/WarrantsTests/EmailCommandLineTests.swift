import Foundation
import TestSupport
import Testing

/// Email warrants, mail servers and the email options of `run` through the built binary (skipped until it has been
/// built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct EmailCommandLineTests {
    /// A store with agencies acme (NZ) and beta (AU), IP warrant IP1, VoIP warrant V1 and email warrant E1 (acme,
    /// erin@example.org and Bob@mail.example, from 2030 on).
    private func prepared() throws -> ApplianceBinary {
        let binary = try ApplianceBinary()
        for (name, country) in [("acme", "nz"), ("beta", "au")] {
            let added = try binary.run(
                ["agency", "add", name, "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext"]
                    + ["--country", country]
            )
            #expect(added.status == 0)
        }
        #expect(try binary.run(["warrant", "add", "ip", "IP1", "--agency", "acme", "--user", "bob"]).status == 0)
        #expect(try binary.run(["warrant", "add", "voip", "V1", "--agency", "acme", "--tel", "+6432"]).status == 0)
        let email = try binary.run(
            ["warrant", "add", "email", "E1", "--agency", "acme", "--address", "erin@example.org"]
                + ["--address", "Bob@Mail.Example", "--start", "2030-01-01T00:00:00Z"]
        )
        #expect(email.status == 0, "\(email.standardError)")
        #expect(email.standardOutput == "warrant E1 added (email, agency acme)\n")
        #expect(email.standardError.isEmpty)
        return binary
    }

    /// The `key: value` lines of `warrant show LIID`.
    private func shown(_ binary: ApplianceBinary, _ liid: String = "E1") throws -> [String: String] {
        let show = try binary.run(["warrant", "show", liid])
        var fields: [String: String] = [:]
        for line in show.standardOutput.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
            }
        }
        return fields
    }

    @Test func addsListsShowsModifiesAndEndsAnEmailWarrant() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let shownFields = try shown(binary)
        #expect(shownFields["type"] == "email")
        #expect(shownFields["status"] == "pending")
        #expect(shownFields["address"] == "erin@example.org, Bob@mail.example")
        #expect(shownFields["auth-cc"] == "NZ")
        #expect(shownFields["modified"] == "-")

        let list = try binary.run(["warrant", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0.first } == ["LIID", "E1", "IP1", "V1"])
        #expect(rows[1][1] == "email")
        #expect(rows[1].suffix(2) == ["erin@example.org", "Bob@mail.example"])

        let modified = try binary.run(
            ["warrant", "modify", "E1", "--address", "Carol@Example.NET", "--agency", "beta", "--deliver", "iri"]
        )
        #expect(modified.status == 0, "\(modified.standardError)")
        #expect(modified.standardOutput == "warrant E1 modified: agency, address, deliver\n")
        let after = try shown(binary)
        #expect(after["address"] == "Carol@example.net")
        #expect(after["agency"] == "beta")
        #expect(after["modified"] != "-")
        let same = try binary.run(["warrant", "modify", "E1", "--address", "Carol@example.net"])
        #expect(same.standardOutput == "warrant E1 unchanged\n")

        let ended = try binary.run(["warrant", "end", "E1"])
        #expect(ended.status == 0)
        #expect(try shown(binary)["status"] == "ended")
        let again = try binary.run(["warrant", "modify", "E1", "--address", "dave@example.org"])
        #expect(again.status == 2)
        #expect(again.standardError == "warrant modify: warrant \"E1\" has been ended\n")
        let audit = try binary.run(["audit", "list"])
        let actions = audit.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .filter { $0.contains("E1") }.compactMap { $0.first { $0.hasPrefix("warrant.") } }
        #expect(actions == ["warrant.add", "warrant.modify", "warrant.end"])
        let verify = try binary.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.standardOutput)\(verify.standardError)")
    }

    @Test func keepsAnAddressGivenTwiceOnceWithANote() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let added = try binary.run(
            ["warrant", "add", "email", "E2", "--agency", "acme", "--address", "Erin@example.org"]
                + ["--address", "frank@example.org", "--address", "ERIN@Example.ORG"]
        )
        #expect(added.status == 0)
        #expect(
            added.standardError
                == "warrant add: --address \"ERIN@Example.ORG\" is given twice (as Erin@example.org); kept once\n"
        )
        #expect(try shown(binary, "E2")["address"] == "Erin@example.org, frank@example.org")
        let modified = try binary.run(
            ["warrant", "modify", "E2", "--address", "frank@example.org", "--address", "Frank@EXAMPLE.org"]
        )
        #expect(modified.standardOutput == "warrant E2 modified: address\n")
        #expect(
            modified.standardError
                == "warrant modify: --address \"Frank@EXAMPLE.org\" is given twice (as frank@example.org); kept once\n"
        )
        #expect(try shown(binary, "E2")["address"] == "frank@example.org")
    }

    /// `warrant add email` arguments (after the LIID E2) that are refused with status 2, and the one error line.
    static let addRefusals: [([String], String)] = [
        (
            ["--agency", "acme", "--address", "erin"],
            "warrant add: --address \"erin\" is not an email address (local@domain)"
        ),
        (
            ["--agency", "acme", "--address", "erin@example.org", "--address", "a@b@c.example"],
            "warrant add: --address \"a@b@c.example\" is not an email address (local@domain)"
        ),
        (
            ["--agency", "acme", "--address", "erin@exa_mple.org"],
            "warrant add: --address \"erin@exa_mple.org\" is not an email address (local@domain)"
        ),
        (
            ["--agency", "acme", "--address", "\u{202E}erin@example.org"],
            "warrant add: --address \"\\u{202e}erin@example.org\" contains U+202E, a Unicode bidirectional control,"
                + " which would make it display as something else"
        ),
        (["--agency", "acme"], "warrant add: a warrant needs a target: --address"),
        (
            ["--agency", "acme"] + (0..<65).flatMap { ["--address", "user\($0)@example.org"] },
            "warrant add: a warrant has at most 64 targets (--address), not 65"
        ),
        (["--agency", "nobody", "--address", "erin@example.org"], "warrant add: --agency \"nobody\" does not exist"),
        (
            ["--agency", "acme", "--address", "erin@example.org", "--delivery-cc", "N1"],
            "warrant add: --delivery-cc \"N1\" is not a 2-letter country code"
        ),
        (
            ["--agency", "acme", "--address", "erin@example.org", "--start", "2030-01-01"],
            "warrant add: --start \"2030-01-01\" is not an ISO 8601 date-time with a UTC offset (like"
                + " 2026-01-01T00:00:00Z)"
        ),
    ]

    @Test(arguments: addRefusals.indices)
    func refusesBadAdds(_ index: Int) throws {
        let (arguments, message) = Self.addRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "add", "email", "E2"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try binary.run(["warrant", "show", "E2"]).status == 2)
    }

    @Test(arguments: ["IP1", "V1", "E1"])
    func refusesADuplicateLIIDAcrossKinds(_ liid: String) throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let email = try binary.run(["warrant", "add", "email", liid, "--agency", "acme", "--address", "x@y.example"])
        #expect(email.status == 2)
        #expect(email.standardError == "warrant add: LIID \"\(liid)\" is already in use\n")
    }

    /// `warrant modify` arguments refused with status 2, and the one error line.
    static let modifyRefusals: [([String], String)] = [
        (["E1", "--user", "bob"], "warrant modify: --user does not apply to email warrant \"E1\""),
        (["E1", "--sip-uri", "sip:a@b.example"], "warrant modify: --sip-uri does not apply to email warrant \"E1\""),
        (["IP1", "--address", "a@b.example"], "warrant modify: --address does not apply to IP warrant \"IP1\""),
        (["V1", "--address", "a@b.example"], "warrant modify: --address does not apply to VoIP warrant \"V1\""),
        (
            ["E1", "--address", "a@b.example", "--tel", "+6432"],
            "warrant modify: --address cannot be combined with --tel"
        ),
        (
            ["E1"],
            "warrant modify: nothing to change: give --agency, --address, --auth-cc, --delivery-cc, --start, --end"
                + " or --deliver"
        ),
        (
            ["E1", "--address", "erin at example.org"],
            "warrant modify: --address \"erin at example.org\" is not an email address (local@domain)"
        ),
        (
            ["E1", "--end", "2029-01-01T00:00:00Z"],
            "warrant modify: --end \"2029-01-01T00:00:00Z\" is not after --start \"2030-01-01T00:00:00Z\""
        ),
        (["E9", "--address", "a@b.example"], "warrant modify: warrant \"E9\" does not exist"),
    ]

    @Test(arguments: modifyRefusals.indices)
    func refusesBadModifications(_ index: Int) throws {
        let (arguments, message) = Self.modifyRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "modify"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        for liid in ["E1", "IP1", "V1"] {
            #expect(try shown(binary, liid)["modified"] == "-")
        }
    }

    @Test func addsListsAndRemovesMailServers() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let added = try binary.run(["server", "add", "smtp", "192.0.2.25", "192.0.2.26:587"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "server smtp 192.0.2.25:25 added\nserver smtp 192.0.2.26:587 added\n")
        let imap = try binary.run(["server", "add", "imap", "[2001:db8::143]"])
        #expect(imap.standardOutput == "server imap [2001:db8::143]:143 added\n")
        let pop3 = try binary.run(["server", "add", "pop3", "192.0.2.110", "192.0.2.111:995"])
        #expect(pop3.standardOutput == "server pop3 192.0.2.110:110 added\nserver pop3 192.0.2.111:995 added\n")
        let list = try binary.run(["server", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(
            rows == [
                ["KIND", "ADDRESS", "PORT"], ["imap", "2001:db8::143", "143"], ["pop3", "192.0.2.110", "110"],
                ["pop3", "192.0.2.111", "995"], ["smtp", "192.0.2.25", "25"], ["smtp", "192.0.2.26", "587"],
            ]
        )
        let again = try binary.run(["server", "add", "smtp", "192.0.2.25"])
        #expect(again.status == 2)
        #expect(again.standardError == "server add: server smtp 192.0.2.25:25 is already known\n")
        let removed = try binary.run(["server", "remove", "pop3", "192.0.2.111"])
        #expect(removed.standardOutput == "server pop3 192.0.2.111:995 removed\n")
        let bad = try binary.run(["server", "add", "imap", "mail.example"])
        #expect(bad.status == 2)
        #expect(
            bad.standardError
                == "server add: ADDRESS \"mail.example\" is not an IP address with an optional port (IPv6 as"
                + " [address]:port)\n"
        )
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }

    /// Bad values of the email options of `run`: a non-zero exit, and the first line of standard error names the
    /// option and the value.
    @Test(arguments: [
        ("--email-default-domain", "exa_mple.org"), ("--email-default-domain", "erin@example.org"),
        ("--email-session-timeout", "0"), ("--email-session-timeout", "604801"),
        ("--email-session-timeout", "soon"), ("--email-session-timeout", "-5"),
    ])
    func badRunOptionsAreRefused(option: String, value: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let run = try binary.run(["run", "--pcap", binary.directory + "/none.pcap", "\(option)=\(value)"])
        #expect(run.status != 0)
        let first = run.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(option) && first.contains("\(value)"), "\(option)=\(value): \(run.standardError)")
        if option == "--email-default-domain" {
            #expect(run.status == 2)
            #expect(
                first == "run: --email-default-domain \"\(value)\" is not a domain (dot-separated labels of letters,"
                    + " digits and -)"
            )
        }
    }

    /// Good values pass on to the next check (here: there is no store yet).
    @Test func goodRunOptionsAreAccepted() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let run = try binary.run(
            ["run", "--pcap", binary.directory + "/none.pcap", "--email-default-domain", "Example.ORG"]
                + ["--email-session-timeout", "604800"]
        )
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("run: --db "), "\(run.standardError)")
    }
}
