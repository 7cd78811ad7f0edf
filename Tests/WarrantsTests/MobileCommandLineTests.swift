import Foundation
import TestSupport
import Testing

/// Mobile warrants, GTP servers and the mobile option of `run` through the built binary (skipped until it has been
/// built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct MobileCommandLineTests {
    /// A store with agencies acme (NZ) and beta (AU), IP warrant IP1, email warrant E1 and mobile warrant M1 (acme,
    /// IMSI 001011234500017 and MSISDN +6421555123, from 2030 on).
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
        let email = try binary.run(["warrant", "add", "email", "E1", "--agency", "acme", "--address", "e@x.example"])
        #expect(email.status == 0)
        let mobile = try binary.run(
            ["warrant", "add", "mobile", "M1", "--agency", "acme", "--msisdn", "+6421555123"]
                + ["--imsi", "001011234500017", "--start", "2030-01-01T00:00:00Z"]
        )
        #expect(mobile.status == 0, "\(mobile.standardError)")
        #expect(mobile.standardOutput == "warrant M1 added (mobile, agency acme)\n")
        #expect(mobile.standardError.isEmpty)
        return binary
    }

    /// The `key: value` lines of `warrant show LIID`.
    private func shown(_ binary: ApplianceBinary, _ liid: String = "M1") throws -> [String: String] {
        let show = try binary.run(["warrant", "show", liid])
        var fields: [String: String] = [:]
        for line in show.standardOutput.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
            }
        }
        return fields
    }

    @Test func addsListsShowsModifiesAndEndsAMobileWarrant() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let shownFields = try shown(binary)
        #expect(shownFields["type"] == "mobile")
        #expect(shownFields["status"] == "pending")
        #expect(shownFields["imsi"] == "001011234500017")
        #expect(shownFields["msisdn"] == "6421555123")
        #expect(shownFields["imei"] == "-")
        #expect(shownFields["auth-cc"] == "NZ")
        #expect(shownFields["modified"] == "-")

        let list = try binary.run(["warrant", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0.first } == ["LIID", "E1", "IP1", "M1"])
        #expect(rows[3][1] == "mobile")
        #expect(rows[3].suffix(2) == ["imsi:001011234500017", "msisdn:6421555123"])

        let modified = try binary.run(
            ["warrant", "modify", "M1", "--imei", "35693803564380", "--imei", "3569380356438012"]
                + ["--msisdn", "6421555123", "--agency", "beta", "--deliver", "iri"]
        )
        #expect(modified.status == 0, "\(modified.standardError)")
        #expect(modified.standardOutput == "warrant M1 modified: agency, imsi, imei, deliver\n")
        let after = try shown(binary)
        #expect(after["imsi"] == "-")
        #expect(after["msisdn"] == "6421555123")
        #expect(after["imei"] == "35693803564380, 3569380356438012")
        #expect(after["agency"] == "beta")
        #expect(after["modified"] != "-")
        let same = try binary.run(
            ["warrant", "modify", "M1", "--msisdn", "+6421555123", "--imei", "35693803564380"]
                + ["--imei", "3569380356438012"]
        )
        #expect(same.standardOutput == "warrant M1 unchanged\n")

        let ended = try binary.run(["warrant", "end", "M1"])
        #expect(ended.status == 0)
        #expect(try shown(binary)["status"] == "ended")
        let again = try binary.run(["warrant", "modify", "M1", "--imsi", "001011234500017"])
        #expect(again.status == 2)
        #expect(again.standardError == "warrant modify: warrant \"M1\" has been ended\n")
        let audit = try binary.run(["audit", "list"])
        let actions = audit.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .filter { $0.contains("M1") }.compactMap { $0.first { $0.hasPrefix("warrant.") } }
        #expect(actions == ["warrant.add", "warrant.modify", "warrant.end"])
        let verify = try binary.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.standardOutput)\(verify.standardError)")
    }

    @Test func keepsAnIdentityGivenTwiceOnceWithANote() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let added = try binary.run(
            ["warrant", "add", "mobile", "M2", "--agency", "acme", "--msisdn", "6421555123"]
                + ["--msisdn", "+6421555123", "--imsi", "6421555123"]
        )
        #expect(added.status == 0)
        #expect(
            added.standardError == "warrant add: --msisdn \"+6421555123\" is given twice (as 6421555123); kept once\n"
        )
        #expect(try shown(binary, "M2")["imsi"] == "6421555123")
        #expect(try shown(binary, "M2")["msisdn"] == "6421555123")
        let modified = try binary.run(
            ["warrant", "modify", "M2", "--imei", "35693803564380", "--imei", "35693803564380"]
        )
        #expect(modified.standardOutput == "warrant M2 modified: imsi, msisdn, imei\n")
        #expect(
            modified.standardError
                == "warrant modify: --imei \"35693803564380\" is given twice (as 35693803564380); kept once\n"
        )
        #expect(try shown(binary, "M2")["imei"] == "35693803564380")
    }

    /// `warrant add mobile` arguments (after the LIID M2) that are refused with status 2, and the one error line.
    static let addRefusals: [([String], String)] = [
        (["--agency", "acme", "--imsi", "12345"], "warrant add: --imsi \"12345\" is not an IMSI (6-15 digits)"),
        (
            ["--agency", "acme", "--imsi", "001011234500017", "--msisdn", "+64 21 555 123"],
            "warrant add: --msisdn \"+64 21 555 123\" is not an MSISDN (6-15 digits with the country code, +"
                + " allowed)"
        ),
        (
            ["--agency", "acme", "--imei", "35693803564380123"],
            "warrant add: --imei \"35693803564380123\" is not an IMEI (14-16 digits)"
        ),
        (
            ["--agency", "acme", "--imsi", "\u{202E}001011234500017"],
            "warrant add: --imsi \"\\u{202e}001011234500017\" contains U+202E, a Unicode bidirectional control,"
                + " which would make it display as something else"
        ),
        (["--agency", "acme"], "warrant add: a warrant needs a target: --imsi, --msisdn or --imei"),
        (
            ["--agency", "acme"] + (0..<65).flatMap { ["--imsi", String(1_000_000 + $0)] },
            "warrant add: a warrant has at most 64 targets (--imsi, --msisdn and --imei), not 65"
        ),
        (["--agency", "nobody", "--imsi", "001011234500017"], "warrant add: --agency \"nobody\" does not exist"),
        (
            ["--agency", "acme", "--imsi", "001011234500017", "--auth-cc", "N1"],
            "warrant add: --auth-cc \"N1\" is not a 2-letter country code"
        ),
        (
            ["--agency", "acme", "--imsi", "001011234500017", "--address", "e@x.example"],
            "Unknown option '--address'"
        ),
    ]

    @Test(arguments: addRefusals.indices)
    func refusesBadAdds(_ index: Int) throws {
        let (arguments, message) = Self.addRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "add", "mobile", "M2"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try binary.run(["warrant", "show", "M2"]).status == 2)
    }

    @Test(arguments: ["IP1", "E1", "M1"])
    func refusesADuplicateLIIDAcrossKinds(_ liid: String) throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let mobile = try binary.run(["warrant", "add", "mobile", liid, "--agency", "acme", "--imsi", "123456"])
        #expect(mobile.status == 2)
        #expect(mobile.standardError == "warrant add: LIID \"\(liid)\" is already in use\n")
    }

    /// `warrant modify` arguments refused with status 2, and the one error line.
    static let modifyRefusals: [([String], String)] = [
        (["M1", "--user", "bob"], "warrant modify: --user does not apply to mobile warrant \"M1\""),
        (["M1", "--address", "a@b.example"], "warrant modify: --address does not apply to mobile warrant \"M1\""),
        (["M1", "--tel", "+6432"], "warrant modify: --tel does not apply to mobile warrant \"M1\""),
        (["IP1", "--imsi", "123456"], "warrant modify: --imsi does not apply to IP warrant \"IP1\""),
        (["E1", "--msisdn", "123456"], "warrant modify: --msisdn does not apply to email warrant \"E1\""),
        (
            ["M1", "--imei", "35693803564380", "--address", "a@b.example"],
            "warrant modify: --imei cannot be combined with --address"
        ),
        (
            ["M1"],
            "warrant modify: nothing to change: give --agency, --imsi, --msisdn, --imei, --auth-cc, --delivery-cc,"
                + " --start, --end or --deliver"
        ),
        (["M1", "--imsi", "00101-12345"], "warrant modify: --imsi \"00101-12345\" is not an IMSI (6-15 digits)"),
        (
            ["M1", "--end", "2029-01-01T00:00:00Z"],
            "warrant modify: --end \"2029-01-01T00:00:00Z\" is not after --start \"2030-01-01T00:00:00Z\""
        ),
        (["M9", "--imsi", "123456"], "warrant modify: warrant \"M9\" does not exist"),
    ]

    @Test(arguments: modifyRefusals.indices)
    func refusesBadModifications(_ index: Int) throws {
        let (arguments, message) = Self.modifyRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "modify"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        for liid in ["M1", "IP1", "E1"] {
            #expect(try shown(binary, liid)["modified"] == "-")
        }
    }

    @Test func addsListsAndRemovesGTPServers() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let added = try binary.run(["server", "add", "gtp", "192.0.2.6", "[2001:db8::6]:2124"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "server gtp 192.0.2.6:2123 added\nserver gtp [2001:db8::6]:2124 added\n")
        let list = try binary.run(["server", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows == [["KIND", "ADDRESS", "PORT"], ["gtp", "192.0.2.6", "2123"], ["gtp", "2001:db8::6", "2124"]])
        let again = try binary.run(["server", "add", "gtp", "192.0.2.6:2123"])
        #expect(again.status == 2)
        #expect(again.standardError == "server add: server gtp 192.0.2.6:2123 is already known\n")
        let removed = try binary.run(["server", "remove", "gtp", "2001:db8::6"])
        #expect(removed.standardOutput == "server gtp [2001:db8::6]:2124 removed\n")
        let bad = try binary.run(["server", "add", "gtp", "pgw.example"])
        #expect(bad.status == 2)
        #expect(
            bad.standardError
                == "server add: ADDRESS \"pgw.example\" is not an IP address with an optional port (IPv6 as"
                + " [address]:port)\n"
        )
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }

    @Test func runWarnsWhenMobileWarrantsHaveNoGTPServer() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let pcap = binary.directory + "/empty.pcap"
        try CraftedCapture().write(to: pcap)
        let warning = "run: no GTP server is configured (server add gtp ...): mobile warrants cannot match"
        let without = try binary.run(["run", "--pcap", pcap, "--drain-timeout", "0"])
        #expect(without.status == 0, "\(without.standardError)")
        #expect(without.standardError.contains(warning))
        #expect(try binary.run(["server", "add", "gtp", "192.0.2.6"]).status == 0)
        let with = try binary.run(["run", "--pcap", pcap, "--drain-timeout", "0"])
        #expect(with.status == 0, "\(with.standardError)")
        #expect(!with.standardError.contains("no GTP server"))
    }

    /// Bad values of `run --gtp-session-timeout`: a non-zero exit, and the first line of standard error names the
    /// option and the value.
    @Test(arguments: ["0", "31536001", "soon", "-5", "86400.5"])
    func badRunOptionsAreRefused(value: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let run = try binary.run(["run", "--pcap", binary.directory + "/none.pcap", "--gtp-session-timeout=\(value)"])
        #expect(run.status != 0)
        let first = run.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("--gtp-session-timeout") && first.contains(value), "\(value): \(run.standardError)")
    }

    /// Good values pass on to the next check (here: there is no store yet).
    @Test(arguments: ["1", "86400", "31536000"])
    func goodRunOptionsAreAccepted(value: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let run = try binary.run(["run", "--pcap", binary.directory + "/none.pcap", "--gtp-session-timeout", value])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("run: --db "), "\(run.standardError)")
    }
}
