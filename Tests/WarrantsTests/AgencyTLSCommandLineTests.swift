import Foundation
import TestSupport
import Testing

/// `agency add|list|show` with TLS files made by `Scripts/dev-certs`, through the built binary (skipped until it has
/// been built).
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct AgencyTLSCommandLineTests {
    /// A scratch store and a set of dev certificates.
    final class Fixture {
        let binary: ApplianceBinary
        let certs: DevCertificates

        init() throws {
            binary = try ApplianceBinary()
            certs = try DevCertificates(in: binary.directory)
        }

        deinit {
            binary.cleanUp()
        }

        /// `agency add NAME` with both receivers on localhost and `arguments`.
        func add(_ name: String, _ arguments: [String]) throws -> ProcessOutput {
            try binary.run(["agency", "add", name, "--hi2", "127.0.0.1:9001", "--hi3", "localhost:9002"] + arguments)
        }

        /// The three TLS options with the dev-certs files, `ca`, `cert` and `key` naming other files when given.
        func tlsOptions(
            ca: String = "ca.pem",
            cert: String = "appliance.pem",
            key: String = "appliance.key"
        ) -> [String] {
            [
                "--ca", certs.directory + "/" + ca, "--cert", certs.directory + "/" + cert, "--key",
                certs.directory + "/" + key,
            ]
        }
    }

    @Test func addsATLSAgencyAndShowsItsSettingsButNoKeyMaterial() throws {
        let fixture = try Fixture()
        let added = try fixture.add(
            "lea",
            [
                "--ca", fixture.certs.directory + "/../certs/./ca.pem", "--cert",
                fixture.certs.directory + "/appliance.pem", "--key", fixture.certs.directory + "/appliance.key",
                "--server-name", "LocalHost", "--timestamp", "generalized", "--etsi-profile", "openli", "--retry",
                "30", "--country", "nz",
            ]
        )
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "agency lea added (tls1.3)\n")
        #expect(added.standardError.isEmpty)

        let show = try fixture.binary.run(["agency", "show", "lea"])
        #expect(show.status == 0)
        let lines = show.standardOutput.split(separator: "\n").map(String.init)
        for expected in [
            "transport: tls1.3", "tls-versions: 1.3", "ca: \(fixture.certs.path("ca.pem"))",
            "cert: \(fixture.certs.path("appliance.pem"))", "key: \(fixture.certs.path("appliance.key"))",
            "server-name: localhost", "timestamp: generalized", "etsi-profile: openli", "retry: 30",
            "keepalive: 300", "keepalive-wait: 30", "country: NZ",
        ] {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }

        let list = try fixture.binary.run(["agency", "list"])
        let audit = try fixture.binary.run(["audit", "list"])
        let keyFile = try String(contentsOfFile: fixture.certs.path("appliance.key"), encoding: .utf8)
        let keyBase64 = keyFile.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!keyBase64.isEmpty)
        for output in [added, show, list, audit] {
            let text = output.standardOutput + output.standardError
            #expect(!text.contains("PRIVATE KEY"))
            for line in keyBase64 {
                #expect(!text.contains(line))
                #expect(!text.contains(line.prefix(16)))
            }
        }
    }

    @Test func listsEachAgencysTransport() throws {
        let fixture = try Fixture()
        #expect(try fixture.add("modern", fixture.tlsOptions()).status == 0)
        #expect(try fixture.add("older", fixture.tlsOptions() + ["--tls12"]).status == 0)
        #expect(try fixture.add("open", ["--plaintext"]).status == 0)
        let list = try fixture.binary.run(["agency", "list"])
        let rows = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first?.first == "NAME")
        #expect(rows.first?.last == "TRANSPORT")
        let transports = Dictionary(
            uniqueKeysWithValues: rows.dropFirst().compactMap { row in
                row.first.map { ($0, row.last ?? "") }
            }
        )
        #expect(transports == ["modern": "tls1.3", "older": "tls1.2+", "open": "plaintext"])
        let show = try fixture.binary.run(["agency", "show", "older"])
        #expect(show.standardOutput.contains("tls-versions: 1.2, 1.3\n"))
        #expect(show.standardOutput.contains("server-name: - "))
        let plain = try fixture.binary.run(["agency", "show", "open"])
        #expect(plain.standardOutput.contains("transport: plaintext\n"))
        #expect(!plain.standardOutput.contains("ca:"))
    }

    /// Files that `agency add` refuses: which options, and the start of the one error line (the path follows).
    static let badFiles: [(String, String, String, String)] = [
        ("ca.pem", "appliance.pem", "missing.key", "--key"),
        ("missing.pem", "appliance.pem", "appliance.key", "--ca"),
        ("ca.key", "appliance.pem", "appliance.key", "--ca"),
        ("ca.pem", "appliance.key", "appliance.key", "--cert"),
        ("ca.pem", "empty.pem", "appliance.key", "--cert"),
        ("ca.pem", "appliance.pem", "appliance.pem", "--key"),
        ("ca.pem", "appliance.pem", "other-agency.key", "--key"),
        (".", "appliance.pem", "appliance.key", "--ca"),
    ]

    @Test(arguments: badFiles.indices)
    func refusesMissingUnreadableAndBadFiles(_ index: Int) throws {
        let (ca, cert, key, flag) = Self.badFiles[index]
        let fixture = try Fixture()
        #expect(FileManager.default.createFile(atPath: fixture.certs.directory + "/empty.pem", contents: Data()))
        let refused = try fixture.add("lea", fixture.tlsOptions(ca: ca, cert: cert, key: key))
        #expect(refused.status == 2)
        let errors = refused.standardError.split(separator: "\n")
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("agency add: \(flag) \(fixture.certs.directory)/") == true, "\(errors)")
        #expect(refused.standardOutput.isEmpty)
        let list = try fixture.binary.run(["agency", "list"])
        #expect(list.standardOutput.split(separator: "\n").count == 1)
    }

    @Test func explainsWhatIsWrongWithAFile() throws {
        let fixture = try Fixture()
        let dir = fixture.certs.directory
        let missing = try fixture.add("lea", fixture.tlsOptions(ca: "none.pem"))
        #expect(
            missing.standardError == "agency add: --ca \(dir)/none.pem cannot be read (No such file or directory)\n"
        )
        let notCertificate = try fixture.add("lea", fixture.tlsOptions(cert: "appliance.key"))
        #expect(
            notCertificate.standardError
                == "agency add: --cert \(fixture.certs.path("appliance.key")) is not a PEM certificate file\n"
        )
        let notKey = try fixture.add("lea", fixture.tlsOptions(key: "ca.pem"))
        #expect(
            notKey.standardError == "agency add: --key \(fixture.certs.path("ca.pem")) is not a PEM private key file\n"
        )
        let foreignKey = try fixture.add("lea", fixture.tlsOptions(key: "ca.key"))
        #expect(
            foreignKey.standardError
                == "agency add: --key \(fixture.certs.path("ca.key")) is not the key of --cert "
                + "\(fixture.certs.path("appliance.pem"))\n"
        )
    }

    @Test func warnsAboutAKeyOthersCanRead() throws {
        let fixture = try Fixture()
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644],
            ofItemAtPath: fixture.certs.path("appliance.key")
        )
        let added = try fixture.add("lea", fixture.tlsOptions())
        #expect(added.status == 0)
        #expect(
            added.standardError
                == "agency add: --key \(fixture.certs.path("appliance.key")) is accessible to others (mode 0644); "
                + "chmod 600 it\n"
        )
    }

    /// Option mixes that `agency add` refuses, and its one error line.
    static let badMixes: [([String], String)] = [
        (["--plaintext", "--ca", "/etc/ca.pem"], "agency add: --plaintext cannot be combined with --ca"),
        (["--plaintext", "--key", "/etc/a.key"], "agency add: --plaintext cannot be combined with --key"),
        (["--plaintext", "--tls12"], "agency add: --plaintext cannot be combined with --tls12"),
        (["--plaintext", "--server-name", "lemf"], "agency add: --plaintext cannot be combined with --server-name"),
        ([], "agency add: TLS needs --ca, --cert and --key (or --plaintext); missing: --ca, --cert, --key"),
        (
            ["--ca", "/etc/ca.pem", "--cert", "/etc/a.pem"],
            "agency add: TLS needs --ca, --cert and --key (or --plaintext); missing: --key"
        ),
        (
            ["--plaintext", "--timestamp", "seconds"],
            "agency add: --timestamp \"seconds\" is not one of microseconds, generalized"
        ),
        (["--plaintext", "--etsi-profile", "old"], "agency add: --etsi-profile \"old\" is not one of current, openli"),
        (["--plaintext", "--retry", "0"], "agency add: --retry \"0\" is not a number of seconds in 1-3600"),
        (["--plaintext", "--retry", "3601"], "agency add: --retry \"3601\" is not a number of seconds in 1-3600"),
    ]

    @Test(arguments: badMixes.indices)
    func refusesBadOptionMixes(_ index: Int) throws {
        let (arguments, message) = Self.badMixes[index]
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let refused = try binary.run(
            ["agency", "add", "lea", "--hi2", "127.0.0.1:1", "--hi3", "127.0.0.1:2"] + arguments
        )
        #expect(refused.status == 2)
        #expect(refused.standardError == message + "\n")
    }

    @Test func refusesABadServerName() throws {
        let fixture = try Fixture()
        let refused = try fixture.add("lea", fixture.tlsOptions() + ["--server-name", "lemf example"])
        #expect(refused.status == 2)
        #expect(refused.standardError == "agency add: --server-name \"lemf example\" is not a DNS host name\n")
    }
}
