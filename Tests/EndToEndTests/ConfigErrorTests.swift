import Foundation
import TestSupport
import Testing

/// A configuration file that cannot be used stops `run` at start, and fails `config check`, with exit status 2 and
/// one line naming the file, the line and the key.
@Suite
struct ConfigErrorTests {
    /// A file's lines, the line the error names and the start of the error after the line.
    struct Case: Sendable, CustomStringConvertible {
        var lines: [String]
        var line: Int
        var error: String
        var description: String { error }

        init(_ lines: [String], line: Int, _ error: String) {
            self.lines = lines
            self.line = line
            self.error = error
        }
    }

    static let cases: [Case] = [
        Case(["shards: 2", "shardz: 2"], line: 2, "shardz: unknown key"),
        Case(["log-level: info", "shards: \"x\""], line: 2, "shards: \"x\" is not a whole number"),
        Case(["retry: 1.5"], line: 1, "retry: \"1.5\" is not a whole number"),
        Case(["shards: [1, 2]"], line: 1, "shards: is a list; it takes one value"),
        Case(["interface:", "  name: eth1"], line: 2, "interface: is a mapping; it takes a value or a list"),
        Case(["realtime: maybe"], line: 1, "realtime: \"maybe\" is not true or false"),
        Case(["retry:"], line: 1, "retry: has no value"),
        Case(["# comment", "shards: 99"], line: 2, "shards: 99 is not in 1...64"),
        Case(["session-timeout: -1"], line: 1, "session-timeout: -1 is not in 0...31536000"),
        Case(["vxlan-port:", "  - 4790", "  - 70000"], line: 3, "vxlan-port: 70000 is not in 1...65535"),
        Case(["log-level: loud"], line: 1, "log-level: \"loud\" is not one of trace, debug"),
        Case(["spool-quota: 1K"], line: 1, "spool-quota: \"1K\" is not a size of at least 1M"),
        Case(["sip-nat-media: maybe"], line: 1, "sip-nat-media: \"maybe\" is not on or off"),
        Case(["sip-identities: to,cc"], line: 1, "sip-identities: \"to,cc\" is not a comma list"),
        Case(["email-default-domain: a..b"], line: 1, "email-default-domain: \"a..b\" is not a domain"),
        Case(["operator-id: 12345678901234567"], line: 1, "operator-id:"),
        Case(["shards: 2", "pcap: [a.pcap", "retry: 1"], line: 3, "not valid YAML:"),
        Case(["shards: 2", "  retry: 1"], line: 2, "not valid YAML:"),
        Case(["shards: 2", "retry: 1", "shards: 3"], line: 1, "shards: given more than once"),
        Case(["- shards"], line: 1, "the file is not a mapping of option names to values"),
    ]

    @Test(arguments: cases)
    func configCheckNamesTheFileLineAndKey(_ errorCase: Case) throws {
        let file = try ConfigFile(errorCase.lines)
        defer { file.cleanUp() }
        let check = try file.check()
        #expect(check.status == 2)
        #expect(check.standardOutput.isEmpty)
        let expected = "config check: \(file.path):\(errorCase.line): \(errorCase.error)"
        #expect(check.standardError.hasPrefix(expected), "\(check.standardError)")
        #expect(check.standardError.split(separator: "\n").count == 1)
    }

    @Test(arguments: cases)
    func runRefusesTheFileAtStart(_ errorCase: Case) throws {
        let file = try ConfigFile(errorCase.lines)
        defer { file.cleanUp() }
        let run = try file.appliance.run(["run", "--config", file.path])
        let expected = "run: \(file.path):\(errorCase.line): \(errorCase.error)"
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix(expected), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: file.appliance.spoolDirectory))
    }

    @Test func aMissingFileIsNamed() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let missing = appliance.directory + "/none.conf"
        let run = try appliance.run(["run", "--config", missing])
        #expect(run.status == 2)
        #expect(run.standardError == "run: configuration file \(missing): no such file\n")
        let check = try ProcessRunner.run(appliance.path, ["config", "check", "--config", missing])
        #expect(check.status == 2)
        #expect(check.standardError == "config check: configuration file \(missing): no such file\n")
    }
}
