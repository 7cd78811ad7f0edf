import Foundation
import TestSupport
import Testing

/// `warrant modify` through the built binary (skipped until it has been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct WarrantModifyCommandLineTests {
    /// A store with agencies acme (NZ) and beta (AU) and warrant L1 (acme, user bob, from 2030 on).
    private func prepared() throws -> ApplianceBinary {
        let binary = try ApplianceBinary()
        for (name, country) in [("acme", "nz"), ("beta", "au")] {
            let added = try binary.run(
                ["agency", "add", name, "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext"]
                    + ["--country", country]
            )
            #expect(added.status == 0)
        }
        let warrant = try binary.run(
            ["warrant", "add", "ip", "L1", "--agency", "acme", "--user", "bob", "--start", "2030-01-01T00:00:00Z"]
        )
        #expect(warrant.status == 0)
        return binary
    }

    /// The `key: value` lines of `warrant show L1`.
    private func shown(_ binary: ApplianceBinary) throws -> [String: String] {
        let show = try binary.run(["warrant", "show", "L1"])
        var fields: [String: String] = [:]
        for line in show.standardOutput.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
            }
        }
        return fields
    }

    /// One flag per case, what `warrant modify` reports and the field as `warrant show` then shows it.
    static let changes: [([String], String, String, String)] = [
        (["--agency", "beta"], "agency", "agency", "beta"),
        (["--user", "carol"], "user", "user", "carol"),
        (
            ["--static-ip", "192.0.2.1", "--static-ip", "2001:db8::/48"], "static-ip", "static-ip",
            "192.0.2.1/32, 2001:db8::/48"
        ),
        (["--session-id", "9"], "session-id", "session-id", "9"),
        (["--auth-cc", "au"], "auth-cc", "auth-cc", "AU"),
        (["--delivery-cc", "gb"], "delivery-cc", "delivery-cc", "GB"),
        (["--start", "2029-06-01T00:00:00+02:00"], "start", "start", "2029-05-31T22:00:00Z"),
        (["--start", "none"], "start", "start", "-"),
        (["--end", "2031-01-01T00:00:00Z"], "end", "end", "2031-01-01T00:00:00Z"),
        (["--deliver", "iri"], "deliver", "deliver", "iri"),
    ]

    @Test(arguments: changes.indices)
    func changesOnlyWhatIsGiven(_ index: Int) throws {
        let (arguments, reported, key, value) = Self.changes[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let before = try shown(binary)
        #expect(before["modified"] == "-")
        let modified = try binary.run(["warrant", "modify", "L1"] + arguments)
        #expect(modified.status == 0, "\(modified.standardError)")
        #expect(modified.standardOutput == "warrant L1 modified: \(reported)\n")
        var after = try shown(binary)
        #expect(after[key] == value)
        #expect(after["modified"] != "-")
        after[key] = before[key]
        after["modified"] = "-"
        after["status"] = before["status"]
        #expect(after == before)
        let audit = try binary.run(["audit", "list"])
        let last = audit.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("warrant.modify  L1"), "\(last)")
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }

    @Test func changesSeveralFieldsAtOnceAndNotesMaskedPrefixes() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let modified = try binary.run(
            ["warrant", "modify", "L1", "--static-ip", "10.1.2.3/8", "--no-user", "--deliver", "cc", "--end", "none"]
        )
        #expect(modified.status == 0)
        #expect(modified.standardOutput == "warrant L1 modified: user, static-ip, deliver\n")
        #expect(
            modified.standardError
                == "warrant modify: --static-ip \"10.1.2.3/8\" has host bits set; stored as 10.0.0.0/8\n"
        )
        let fields = try shown(binary)
        #expect(fields["user"] == "-")
        #expect(fields["static-ip"] == "10.0.0.0/8")
        #expect(fields["deliver"] == "cc")
    }

    @Test func reportsAChangeToTheSameValuesAsUnchanged() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let same = try binary.run(["warrant", "modify", "L1", "--user", "bob", "--deliver", "both"])
        #expect(same.status == 0)
        #expect(same.standardOutput == "warrant L1 unchanged\n")
        #expect(try shown(binary)["modified"] == "-")
    }

    /// Requests `warrant modify` refuses with status 2, and its one error line.
    static let refusals: [([String], String)] = [
        (
            ["L1"],
            "warrant modify: nothing to change: give --agency, --user, --static-ip, --session-id, --mirror-id,"
                + " --mirror-vendor, --sink, --auth-cc, --delivery-cc, --start, --end or --deliver"
        ),
        (
            ["L1", "--no-user"],
            "warrant modify: a warrant needs a target: --user, --static-ip, --mirror-id or --sink"
        ),
        (
            ["L1", "--end", "2029-01-01T00:00:00Z"],
            "warrant modify: --end \"2029-01-01T00:00:00Z\" is not after --start \"2030-01-01T00:00:00Z\""
        ),
        (["L1", "--agency", "nobody"], "warrant modify: --agency \"nobody\" does not exist"),
        (["L1", "--session-id", "0"], "warrant modify: --session-id \"0\" is not a session id in 1-2147483647"),
        (
            ["L1", "--start", "tomorrow"],
            "warrant modify: --start \"tomorrow\" is not an ISO 8601 date-time with a UTC offset (like 2026-01-01T00:00:00Z)"
        ),
        (["L1", "--deliver", "all"], "warrant modify: --deliver \"all\" is not one of iri, cc, both"),
        (["L1", "--user", "x", "--no-user"], "warrant modify: --user cannot be combined with --no-user"),
        (["L9", "--deliver", "iri"], "warrant modify: warrant \"L9\" does not exist"),
    ]

    @Test(arguments: refusals.indices)
    func refusesInvalidChanges(_ index: Int) throws {
        let (arguments, message) = Self.refusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "modify"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try shown(binary)["modified"] == "-")
    }

    @Test func refusesAnEndedWarrant() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        #expect(try binary.run(["warrant", "end", "L1"]).status == 0)
        let refused = try binary.run(["warrant", "modify", "L1", "--deliver", "iri"])
        #expect(refused.status == 2)
        #expect(refused.standardError == "warrant modify: warrant \"L1\" has been ended\n")
        #expect(try shown(binary)["deliver"] == "both")
    }
}
