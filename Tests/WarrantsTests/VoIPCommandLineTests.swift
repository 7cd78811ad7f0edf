import Foundation
import TestSupport
import Testing

/// VoIP warrants and SIP servers through the built binary (skipped until it has been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct VoIPCommandLineTests {
    /// A store with agencies acme (NZ) and beta (AU), IP warrant IP1 and VoIP warrant V1 (acme, alice at any host,
    /// numbers ending in 3257781, from 2030 on).
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
        let voip = try binary.run(
            ["warrant", "add", "voip", "V1", "--agency", "acme", "--sip-uri", "sip:alice@*", "--tel", "*3257781"]
                + ["--start", "2030-01-01T00:00:00Z"]
        )
        #expect(voip.status == 0, "\(voip.standardError)")
        #expect(voip.standardOutput == "warrant V1 added (voip, agency acme)\n")
        return binary
    }

    /// The `key: value` lines of `warrant show LIID`.
    private func shown(_ binary: ApplianceBinary, _ liid: String = "V1") throws -> [String: String] {
        let show = try binary.run(["warrant", "show", liid])
        var fields: [String: String] = [:]
        for line in show.standardOutput.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
            }
        }
        return fields
    }

    @Test func addsListsShowsModifiesAndEndsAVoIPWarrant() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let shownFields = try shown(binary)
        #expect(shownFields["type"] == "voip")
        #expect(shownFields["status"] == "pending")
        #expect(shownFields["sip-uri"] == "sip:alice@*")
        #expect(shownFields["tel"] == "tel:*3257781")
        #expect(shownFields["auth-cc"] == "NZ")
        #expect(shownFields["start"] == "2030-01-01T00:00:00Z")
        #expect(shownFields["modified"] == "-")

        let list = try binary.run(["warrant", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0.first } == ["LIID", "IP1", "V1"])
        #expect(rows[1][1] == "ip")
        #expect(rows[2][1] == "voip")
        #expect(rows[2].suffix(2) == ["sip:alice@*", "tel:*3257781"])

        let modified = try binary.run(
            ["warrant", "modify", "V1", "--sip-uri", "sips:carol@Voip.Example", "--tel", "+64 3 325 7781"]
                + ["--agency", "beta", "--deliver", "cc"]
        )
        #expect(modified.status == 0, "\(modified.standardError)")
        #expect(modified.standardOutput == "warrant V1 modified: agency, sip-uri, tel, deliver\n")
        let after = try shown(binary)
        #expect(after["sip-uri"] == "sip:carol@voip.example")
        #expect(after["tel"] == "tel:+6433257781")
        #expect(after["agency"] == "beta")
        #expect(after["auth-cc"] == "NZ")
        #expect(after["modified"] != "-")

        let onlySIP = try binary.run(["warrant", "modify", "V1", "--sip-uri", "sip:carol@voip.example"])
        #expect(onlySIP.standardOutput == "warrant V1 modified: tel\n")
        #expect(try shown(binary)["tel"] == "-")
        let same = try binary.run(["warrant", "modify", "V1", "--sip-uri", "sip:carol@voip.example"])
        #expect(same.standardOutput == "warrant V1 unchanged\n")

        let ended = try binary.run(["warrant", "end", "V1"])
        #expect(ended.status == 0)
        #expect(ended.standardOutput.hasPrefix("warrant V1 ended at "))
        #expect(try shown(binary)["status"] == "ended")
        let again = try binary.run(["warrant", "modify", "V1", "--deliver", "iri"])
        #expect(again.status == 2)
        #expect(again.standardError == "warrant modify: warrant \"V1\" has been ended\n")
        let audit = try binary.run(["audit", "list"])
        let actions = audit.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .filter { $0.contains("V1") }.compactMap { $0.first { $0.hasPrefix("warrant.") } }
        #expect(actions == ["warrant.add", "warrant.modify", "warrant.modify", "warrant.end"])
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }

    @Test func keepsATargetGivenTwiceOnceWithANote() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let added = try binary.run(
            ["warrant", "add", "voip", "V2", "--agency", "acme", "--tel", "+643257781", "--tel", "+64-3257781"]
        )
        #expect(added.status == 0)
        #expect(
            added.standardError
                == "warrant add: --tel \"+64-3257781\" is given twice (as tel:+643257781); kept once\n"
        )
        #expect(try shown(binary, "V2")["tel"] == "tel:+643257781")
        #expect(try shown(binary, "V2")["sip-uri"] == "-")
    }

    /// `warrant add voip` arguments (after the LIID V2) that are refused with status 2, and the one error line.
    static let addRefusals: [([String], String)] = [
        (
            ["--agency", "acme", "--sip-uri", "sip:alice"],
            "warrant add: --sip-uri \"sip:alice\" is not a SIP URI (sip:user@host or sip:user@*)"
        ),
        (
            ["--agency", "acme", "--tel", "12a"],
            "warrant add: --tel \"12a\" is not a telephone number (+digits, digits or *digits; 3-32 digits)"
        ),
        (["--agency", "acme"], "warrant add: a warrant needs a target: --sip-uri or --tel"),
        (["--agency", "nobody", "--tel", "+643257781"], "warrant add: --agency \"nobody\" does not exist"),
        (
            ["--agency", "acme", "--tel", "+643257781", "--auth-cc", "N1"],
            "warrant add: --auth-cc \"N1\" is not a 2-letter country code"
        ),
        (
            ["--agency", "acme", "--tel", "+643257781", "--deliver", "all"],
            "warrant add: --deliver \"all\" is not one of iri, cc, both"
        ),
    ]

    @Test(arguments: addRefusals.indices)
    func refusesBadAdds(_ index: Int) throws {
        let (arguments, message) = Self.addRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "add", "voip", "V2"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try binary.run(["warrant", "show", "V2"]).status == 2)
    }

    @Test(arguments: ["IP1", "V1"])
    func refusesADuplicateLIIDAcrossKinds(_ liid: String) throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let voip = try binary.run(["warrant", "add", "voip", liid, "--agency", "acme", "--tel", "+643257781"])
        #expect(voip.status == 2)
        #expect(voip.standardError == "warrant add: LIID \"\(liid)\" is already in use\n")
        let ip = try binary.run(["warrant", "add", "ip", liid, "--agency", "acme", "--user", "x"])
        #expect(ip.status == 2)
        #expect(ip.standardError == "warrant add: LIID \"\(liid)\" is already in use\n")
    }

    /// `warrant modify` arguments refused with status 2, and the one error line.
    static let modifyRefusals: [([String], String)] = [
        (["V1", "--user", "bob"], "warrant modify: --user does not apply to VoIP warrant \"V1\""),
        (["V1", "--static-ip", "192.0.2.1"], "warrant modify: --static-ip does not apply to VoIP warrant \"V1\""),
        (["V1", "--session-id", "3"], "warrant modify: --session-id does not apply to VoIP warrant \"V1\""),
        (["IP1", "--sip-uri", "sip:a@b.example"], "warrant modify: --sip-uri does not apply to IP warrant \"IP1\""),
        (["IP1", "--tel", "+643257781"], "warrant modify: --tel does not apply to IP warrant \"IP1\""),
        (["V1", "--tel", "1", "--user", "x"], "warrant modify: --tel cannot be combined with --user"),
        (
            ["V1"],
            "warrant modify: nothing to change: give --agency, --sip-uri, --tel, --auth-cc, --delivery-cc, --start,"
                + " --end or --deliver"
        ),
        (
            ["V1", "--sip-uri", "alice@example.net"],
            "warrant modify: --sip-uri \"alice@example.net\" is not a SIP URI (sip:user@host or sip:user@*)"
        ),
        (
            ["V1", "--tel", "tel:+64x"],
            "warrant modify: --tel \"tel:+64x\" is not a telephone number (+digits, digits or *digits; 3-32 digits)"
        ),
        (
            ["V1", "--end", "2029-01-01T00:00:00Z"],
            "warrant modify: --end \"2029-01-01T00:00:00Z\" is not after --start \"2030-01-01T00:00:00Z\""
        ),
        (["V9", "--tel", "+643257781"], "warrant modify: warrant \"V9\" does not exist"),
    ]

    @Test(arguments: modifyRefusals.indices)
    func refusesBadModifications(_ index: Int) throws {
        let (arguments, message) = Self.modifyRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "modify"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try shown(binary)["modified"] == "-")
        #expect(try shown(binary, "IP1")["modified"] == "-")
    }

    @Test func addsListsAndRemovesSIPServers() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let added = try binary.run(["server", "add", "sip", "192.0.2.5", "[2001:db8::5]:5080"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "server sip 192.0.2.5:5060 added\nserver sip [2001:db8::5]:5080 added\n")
        let list = try binary.run(["server", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows == [["KIND", "ADDRESS", "PORT"], ["sip", "192.0.2.5", "5060"], ["sip", "2001:db8::5", "5080"]])
        let removed = try binary.run(["server", "remove", "sip", "192.0.2.5"])
        #expect(removed.standardOutput == "server sip 192.0.2.5:5060 removed\n")
        let unknown = try binary.run(["server", "remove", "h323", "192.0.2.6"])
        #expect(unknown.status == 2)
        #expect(
            unknown.standardError
                == "server remove: KIND \"h323\" is not a server kind (radius, sip, gtp, smtp, imap, pop3, jmirror,"
                + " alu-mirror, cisco-mirror)\n"
        )
    }
}
