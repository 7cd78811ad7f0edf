import Foundation
import TestSupport
import Testing

/// The administrative command line, end to end through the built binary (skipped until it has been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: [Substring]
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let ran = try ProcessRunner.run(RepositoryLayout.applianceExecutable, arguments, environment: environment)
        return Outcome(
            status: ran.status,
            output: ran.standardOutput,
            errors: ran.standardError.split(separator: "\n")
        )
    }

    @Test func administersAStoreWithTheDocumentedExitStatuses() throws {
        let scratch = try ScratchDirectory()
        let db = ["--db", scratch.file("w.sqlite")]
        let agency = ["agency", "add", "acme", "--hi2", "127.0.0.1:9001", "--hi3", "[::1]:9002"]

        let noTransport = try run(agency + db)
        #expect(noTransport.status == 2)
        #expect(
            noTransport.errors == [
                "agency add: TLS needs --ca, --cert and --key (or --plaintext); missing: --ca, --cert, --key"
            ]
        )
        #expect(try run(agency + ["--plaintext", "--country", "nz"] + db).status == 0)

        let badCountry = try run(
            ["warrant", "add", "ip", "L1", "--agency", "acme", "--user", "bob", "--auth-cc", "N1"] + db
        )
        #expect(badCountry.status == 2)
        #expect(badCountry.errors == ["warrant add: --auth-cc \"N1\" is not a 2-letter country code"])
        #expect(
            try run(["warrant", "add", "ip", "L1", "--agency", "acme", "--static-ip", "192.0.2.7"] + db).status == 0
        )

        let unknown = try run(["server", "add", "diameter", "192.0.2.1"] + db)
        #expect(unknown.status == 2)
        #expect(
            unknown.errors == [
                "server add: KIND \"diameter\" is not a server kind (radius, sip, gtp, smtp, imap, pop3, jmirror,"
                    + " alu-mirror, cisco-mirror)"
            ]
        )
        #expect(try run(["server", "add", "radius", "192.0.2.1"] + db).status == 0)

        let list = try run(["warrant", "list"] + db)
        #expect(list.status == 0)
        #expect(list.output.hasPrefix("LIID "))
        #expect(list.output.contains("192.0.2.7/32"))

        let missing = try run(["agency", "add", "x", "--plaintext"] + db)
        #expect(missing.status == 2)
        #expect(missing.errors == ["Missing expected argument '--hi2 <host:port>'"])
        #expect(try run(["agency", "--help"]).status == 0)

        #expect(try run(["audit", "verify"] + db).status == 0)
        try scratch.raw(
            "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET os_user = 'x' WHERE id = 2",
            in: "w.sqlite"
        )
        let broken = try run(["audit", "verify"] + db)
        #expect(broken.status == 1)
        #expect(broken.errors.count == 1)
        #expect(broken.errors.first?.contains("row 2") == true)
    }

    @Test func takesTheStoreFromTheEnvironmentAndReportsRuntimeFailures() throws {
        let scratch = try ScratchDirectory()
        let environment = ["OPENLI_APPLIANCE_DB": scratch.file("env.sqlite")]
        #expect(try run(["server", "add", "radius", "[2001:db8::1]:1812"], environment: environment).status == 0)
        let list = try run(["server", "list"], environment: environment)
        #expect(list.output.contains("2001:db8::1"))
        let unusable = try run(["agency", "list", "--db", "/dev/null/x.sqlite"])
        #expect(unusable.status == 1)
        #expect(unusable.errors.count == 1)
    }
}
