import Foundation
import TestSupport
import Testing

/// Vendor-mirror servers, UDP sinks and IP warrants on mirror ids and sinks through the built binary (skipped until
/// it has been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct MirrorCommandLineTests {
    /// A store with agency acme (NZ), the raw sink 192.0.2.50:5000, the JMirror sink [2001:db8::50]:5001 and warrant
    /// M1 (JMirror id 1234).
    private func prepared() throws -> ApplianceBinary {
        let binary = try ApplianceBinary()
        let agency = try binary.run(
            ["agency", "add", "acme", "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext"]
                + ["--country", "nz"]
        )
        #expect(agency.status == 0)
        let raw = try binary.run(["sink", "add", "192.0.2.50:5000", "--encapsulation", "raw"])
        #expect(raw.status == 0, "\(raw.standardError)")
        #expect(raw.standardOutput == "sink 192.0.2.50:5000 added (raw, direction both)\n")
        let jmirror = try binary.run(
            ["sink", "add", "[2001:DB8::50]:5001", "--encapsulation", "jmirror", "--direction", "to"]
                + ["--source", "[2001:db8::1]:4000"]
        )
        #expect(
            jmirror.standardOutput
                == "sink [2001:db8::50]:5001 added (jmirror, direction to, source [2001:db8::1]:4000)\n"
        )
        let warrant = try binary.run(
            ["warrant", "add", "ip", "M1", "--agency", "acme", "--mirror-id", "1234", "--mirror-vendor", "jmirror"]
        )
        #expect(warrant.status == 0, "\(warrant.standardError)")
        #expect(warrant.standardOutput == "warrant M1 added (ip, agency acme)\n")
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

    /// The rows of a listing, split at runs of spaces.
    private func rows(_ output: String) -> [[String]] {
        output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func addsShowsListsAndModifiesMirrorAndSinkWarrants() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let fields = try shown(binary)
        #expect(fields["type"] == "ip")
        #expect(fields["user"] == "-")
        #expect(fields["mirror-id"] == "1234")
        #expect(fields["mirror-vendor"] == "jmirror")
        #expect(fields["sink"] == "-")
        let sink = try binary.run(
            ["warrant", "add", "ip", "S1", "--agency", "acme", "--sink", "192.0.2.50:5000", "--session-id", "42"]
        )
        #expect(sink.status == 0, "\(sink.standardError)")
        let sinkFields = try shown(binary, "S1")
        #expect(sinkFields["sink"] == "192.0.2.50:5000")
        #expect(sinkFields["session-id"] == "42")
        #expect(sinkFields["mirror-id"] == "-")
        let any = try binary.run(["warrant", "add", "ip", "A1", "--agency", "acme", "--mirror-id", "4294967295"])
        #expect(any.status == 0, "\(any.standardError)")
        #expect(try shown(binary, "A1")["mirror-vendor"] == "any")
        let list = rows(try binary.run(["warrant", "list"]).standardOutput)
        #expect(list.map { $0.first } == ["LIID", "A1", "M1", "S1"])
        #expect(list[1].last == "mirror:4294967295")
        #expect(list[2].last == "mirror:jmirror:1234")
        #expect(list[3].last == "sink:192.0.2.50:5000")

        let vendor = try binary.run(["warrant", "modify", "M1", "--mirror-vendor", "alu"])
        #expect(vendor.standardOutput == "warrant M1 modified: mirror-vendor\n", "\(vendor.standardError)")
        let id = try binary.run(["warrant", "modify", "M1", "--mirror-id", "99", "--sink", "192.0.2.50:5000"])
        #expect(id.standardOutput == "warrant M1 modified: mirror-id, sink\n", "\(id.standardError)")
        let after = try shown(binary)
        #expect(after["mirror-id"] == "99")
        #expect(after["mirror-vendor"] == "alu")
        #expect(after["sink"] == "192.0.2.50:5000")
        let dropped = try binary.run(["warrant", "modify", "M1", "--no-mirror-id", "--user", "bob"])
        #expect(dropped.standardOutput == "warrant M1 modified: user, mirror-id, mirror-vendor\n")
        let noSink = try binary.run(["warrant", "modify", "M1", "--no-sink"])
        #expect(noSink.standardOutput == "warrant M1 modified: sink\n")
        #expect(try shown(binary)["mirror-id"] == "-")
        let audit = try binary.run(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.standardOutput)\(audit.standardError)")
    }

    /// `warrant add ip` arguments (after the LIID M2) refused with status 2, and the one error line.
    static let addRefusals: [([String], String)] = [
        (
            ["--mirror-id", "1073741824", "--mirror-vendor", "alu"],
            "warrant add: --mirror-id \"1073741824\" is out of range for alu (0-1073741823)"
        ),
        (
            ["--mirror-id", "4294967296"],
            "warrant add: --mirror-id \"4294967296\" is not an intercept id (0-4294967295)"
        ),
        (["--mirror-id=-1"], "warrant add: --mirror-id \"-1\" is not an intercept id (0-4294967295)"),
        (
            ["--mirror-id", "5", "--mirror-vendor", "juniper"],
            "warrant add: --mirror-vendor \"juniper\" is not a mirror vendor (jmirror, alu, cisco)"
        ),
        (
            ["--mirror-vendor", "cisco"],
            "warrant add: --mirror-vendor \"cisco\" needs a --mirror-id (the vendor says whose shim carries the"
                + " intercept id)"
        ),
        ([], "warrant add: a warrant needs a target: --user, --static-ip, --mirror-id or --sink"),
        (
            ["--sink", "192.0.2.50"],
            "warrant add: --sink \"192.0.2.50\" is not an IP address with a port (ADDRESS:PORT, IPv6 as"
                + " [address]:port)"
        ),
        (["--sink", "192.0.2.51:5000"], "warrant add: --sink \"192.0.2.51:5000\" is not a configured sink"),
        (
            ["--sink", "[2001:db8::50]:5001"],
            "warrant add: --sink \"[2001:db8::50]:5001\" is not a raw sink (its encapsulation is jmirror; the"
                + " warrant's --mirror-id matches vendor streams)"
        ),
    ]

    @Test(arguments: addRefusals.indices)
    func refusesBadMirrorWarrants(_ index: Int) throws {
        let (arguments, message) = Self.addRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "add", "ip", "M2", "--agency", "acme"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(try binary.run(["warrant", "show", "M2"]).status == 2)
    }

    /// `warrant modify` arguments refused with status 2, and the one error line.
    static let modifyRefusals: [([String], String)] = [
        (
            ["M1", "--mirror-id", "5", "--no-mirror-id"],
            "warrant modify: --mirror-id cannot be combined with --no-mirror-id"
        ),
        (["M1", "--sink", "192.0.2.50:5000", "--no-sink"], "warrant modify: --sink cannot be combined with --no-sink"),
        (
            ["M1", "--no-mirror-id"],
            "warrant modify: a warrant needs a target: --user, --static-ip, --mirror-id or --sink"
        ),
        (
            ["M1", "--mirror-id", "1073741824"],
            "warrant modify: --mirror-id \"1073741824\" is out of range for jmirror (0-1073741823)"
        ),
        (["M1", "--sink", "192.0.2.9:9"], "warrant modify: --sink \"192.0.2.9:9\" is not a configured sink"),
        (
            ["S1", "--mirror-vendor", "alu"],
            "warrant modify: --mirror-vendor \"alu\" needs a --mirror-id (the vendor says whose shim carries the"
                + " intercept id)"
        ),
        (["E1", "--mirror-id", "5"], "warrant modify: --mirror-id does not apply to email warrant \"E1\""),
        (["E1", "--sink", "192.0.2.50:5000"], "warrant modify: --sink does not apply to email warrant \"E1\""),
    ]

    @Test(arguments: modifyRefusals.indices)
    func refusesBadModifications(_ index: Int) throws {
        let (arguments, message) = Self.modifyRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let sink = try binary.run(["warrant", "add", "ip", "S1", "--agency", "acme", "--sink", "192.0.2.50:5000"])
        #expect(sink.status == 0)
        let email = try binary.run(["warrant", "add", "email", "E1", "--agency", "acme", "--address", "e@x.example"])
        #expect(email.status == 0)
        let refused = try binary.run(["warrant", "modify"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        for liid in ["M1", "S1", "E1"] {
            #expect(try shown(binary, liid)["modified"] == "-")
        }
    }

    @Test func listsAndRemovesSinks() throws {
        let binary = try prepared()
        defer { binary.cleanUp() }
        let sink = try binary.run(["warrant", "add", "ip", "S1", "--agency", "acme", "--sink", "192.0.2.50:5000"])
        #expect(sink.status == 0)
        let cisco = try binary.run([
            "sink", "add", "192.0.2.60:7000", "--encapsulation", "cisco", "--source", "192.0.2.1",
        ])
        #expect(cisco.standardOutput == "sink 192.0.2.60:7000 added (cisco, direction both, source 192.0.2.1)\n")
        let list = rows(try binary.run(["sink", "list"]).standardOutput)
        #expect(
            list == [
                ["ADDRESS", "PORT", "ENCAPSULATION", "DIRECTION", "SOURCE"],
                ["192.0.2.50", "5000", "raw", "both", "any"], ["192.0.2.60", "7000", "cisco", "both", "192.0.2.1"],
                ["2001:db8::50", "5001", "jmirror", "to", "[2001:db8::1]:4000"],
            ]
        )
        let inUse = try binary.run(["sink", "remove", "192.0.2.50:5000"])
        #expect(inUse.status == 2)
        #expect(
            inUse.standardError
                == "sink remove: sink 192.0.2.50:5000 is the --sink of warrant \"S1\"; modify or end it first\n"
        )
        #expect(try binary.run(["warrant", "end", "S1"]).status == 0)
        let removed = try binary.run(["sink", "remove", "192.0.2.50:5000"])
        #expect(removed.standardOutput == "sink 192.0.2.50:5000 removed\n", "\(removed.standardError)")
        let again = try binary.run(["sink", "remove", "192.0.2.50:5000"])
        #expect(again.standardError == "sink remove: sink 192.0.2.50:5000 does not exist\n")
        let actions = rows(try binary.run(["audit", "list"]).standardOutput).compactMap {
            $0.first { $0.hasPrefix("sink.") }
        }
        #expect(actions == ["sink.add", "sink.add", "sink.add", "sink.remove"])
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }

    /// `sink add` arguments refused with status 2, and the one error line.
    static let sinkRefusals: [([String], String)] = [
        (
            ["192.0.2.70", "--encapsulation", "raw"],
            "sink add: ADDRESS:PORT \"192.0.2.70\" is not an IP address with a port (ADDRESS:PORT, IPv6 as"
                + " [address]:port)"
        ),
        (
            ["192.0.2.70:1", "--encapsulation", "vxlan"],
            "sink add: --encapsulation \"vxlan\" is not an encapsulation (raw, jmirror, alu, cisco)"
        ),
        (
            ["192.0.2.70:1", "--encapsulation", "raw", "--direction", "in"],
            "sink add: --direction \"in\" is not a direction (from, to, both)"
        ),
        (
            ["192.0.2.70:1", "--encapsulation", "raw", "--source", "router.example"],
            "sink add: --source \"router.example\" is not an IP address with an optional port (IPv6 as"
                + " [address]:port)"
        ),
        (
            ["192.0.2.70:1", "--encapsulation", "raw", "--source", "2001:db8::1:4000:"],
            "sink add: --source \"2001:db8::1:4000:\" is not an IP address with an optional port (IPv6 as"
                + " [address]:port)"
        ),
        (["192.0.2.50:5000", "--encapsulation", "alu"], "sink add: sink 192.0.2.50:5000 already exists"),
    ]

    @Test(arguments: sinkRefusals.indices)
    func refusesBadSinks(_ index: Int) throws {
        let (arguments, message) = Self.sinkRefusals[index]
        let binary = try prepared()
        defer { binary.cleanUp() }
        let refused = try binary.run(["sink", "add"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
        #expect(rows(try binary.run(["sink", "list"]).standardOutput).count == 3)
    }

    @Test(arguments: ["jmirror", "alu-mirror", "cisco-mirror"])
    func mirrorServersNeedAPort(_ kind: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let bare = try binary.run(["server", "add", kind, "192.0.2.80"])
        #expect(bare.status == 2)
        #expect(
            bare.standardError
                == "server add: ADDRESS \"192.0.2.80\" has no port, and \(kind) streams have no default one"
                + " (ADDRESS:PORT, IPv6 as [address]:port)\n"
        )
        let added = try binary.run(["server", "add", kind, "192.0.2.80:30030", "[2001:db8::80]:30031"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(
            added.standardOutput
                == "server \(kind) 192.0.2.80:30030 added\nserver \(kind) [2001:db8::80]:30031 added\n"
        )
        let list = rows(try binary.run(["server", "list"]).standardOutput)
        #expect(list.dropFirst().map { $0[0] } == [kind, kind])
        let removed = try binary.run(["server", "remove", kind, "192.0.2.80"])
        #expect(removed.standardOutput == "server \(kind) 192.0.2.80:30030 removed\n")
        #expect(try binary.run(["audit", "verify"]).status == 0)
    }
}
