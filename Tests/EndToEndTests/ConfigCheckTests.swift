import Foundation
import TestSupport
import Testing

/// `config check`: the shipped configuration file, every key read from a file, and the effective options it prints.
@Suite
struct ConfigCheckTests {
    /// The keys the built binary knows, from `config check` of an empty file (it prints every key, the ones with
    /// no value in a `# not set:` comment).
    static func knownKeys() throws -> Set<String> {
        let file = try ConfigFile(["# nothing set"])
        defer { file.cleanUp() }
        let check = try file.check()
        #expect(check.status == 0, "\(check.standardError)")
        var keys: Set<String> = []
        for line in check.standardOutput.split(separator: "\n").dropFirst() {
            if line.hasPrefix("# not set: ") {
                keys.formUnion(line.dropFirst("# not set: ".count).split(separator: ", ").map(String.init))
            } else if let colon = line.firstIndex(of: ":") {
                keys.insert(String(line[..<colon]))
            }
        }
        return keys
    }

    @Test func theShippedFileIsAcceptedAsShipped() throws {
        let shipped = RepositoryLayout.etc("openli-appliance.conf")
        let check = try ProcessRunner.run(
            RepositoryLayout.applianceExecutable,
            ["config", "check", "--config", shipped]
        )
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.hasPrefix("\(shipped): ok\n"))
    }

    /// Every key of the binary is in the shipped file, and the file with every key uncommented is accepted with
    /// each of its values in effect.
    @Test func theShippedFileHoldsEveryKeyAtAValidValue() throws {
        let known = try Self.knownKeys()
        #expect(known.contains("shards") && known.contains("db") && known.contains("vxlan-port"))
        let text = try String(contentsOfFile: RepositoryLayout.etc("openli-appliance.conf"), encoding: .utf8)
        let settings = text.split(separator: "\n").filter { $0.wholeMatch(of: /#[a-z-]+: .*/) != nil }
            .map { String($0.dropFirst()) }
        let shippedKeys = Set(settings.compactMap { $0.split(separator: ":").first.map(String.init) })
        #expect(known.subtracting(shippedKeys).isEmpty, "keys missing from etc/openli-appliance.conf")
        let uncommented = settings.filter { known.contains(String($0.prefix { $0 != ":" })) }
        let file = try ConfigFile(uncommented)
        defer { file.cleanUp() }
        let check = try file.check()
        #expect(check.status == 0, "\(check.standardError)")
        let output = Set(check.standardOutput.split(separator: "\n").map(String.init))
        for setting in uncommented {
            #expect(output.contains(setting), "config check does not show \(setting)")
        }
    }

    /// A value for every key, none of them the default: each is shown in effect.
    @Test func everyKeyIsReadFromTheFile() throws {
        let settings = [
            "db: /srv/li/store.sqlite", "audit-key: /srv/keys/audit.key", "pcap: [a.pcap, b.pcapng]",
            "interface: [eth1, eth2]", "operator-id: isp-nz", "network-element-id: collector-7", "shards: 3",
            "session-timeout: 7200", "call-idle-timeout: 0", "sip-identities: to,pai", "sip-nat-media: off",
            "email-default-domain: example.net", "email-session-timeout: 900", "gtp-session-timeout: 3600",
            "retry: 5", "spool: /srv/li/spool", "spool-adopt: true", "spool-quota: 500M", "realtime: true",
            "drain-timeout: 60", "capture-buffer: 256", "sink-buffer: 32", "vxlan-port: [4790, 8472]",
            "log-level: debug", "metrics: 127.0.0.1:9464", "log-format: json", "user: nobody",
        ]
        let known = try Self.knownKeys()
        let file = try ConfigFile(settings)
        defer { file.cleanUp() }
        let check = try file.check()
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.hasPrefix("\(file.path): ok\n"))
        let output = Set(check.standardOutput.split(separator: "\n").map(String.init))
        for setting in settings {
            #expect(output.contains(setting), "config check does not show \(setting)")
        }
        let set = Set(settings.map { String($0.prefix { $0 != ":" }) })
        #expect(set.isSubset(of: known))
        #expect(!check.standardOutput.contains("# not set"))
    }

    @Test func effectiveOptionsShowTheDefaultsOfKeysNotSet() throws {
        let file = try ConfigFile(["interface: eth1"])
        defer { file.cleanUp() }
        let check = try file.check()
        #expect(check.status == 0, "\(check.standardError)")
        let output = check.standardOutput.split(separator: "\n").map(String.init)
        #expect(output.contains("interface: [eth1]"))
        #expect(output.contains("session-timeout: 86400"))
        #expect(output.contains("spool-quota: 10G"))
        #expect(output.contains("realtime: false"))
        #expect(output.contains("pcap: []"))
        #expect(output.contains { $0.hasPrefix("# not set: ") && $0.contains("retry") })
    }

    @Test func theDefaultFileComesFromTheEnvironment() throws {
        let file = try ConfigFile(["shards: 2"])
        defer { file.cleanUp() }
        let named = try ProcessRunner.run(
            file.appliance.path,
            ["config", "check"],
            environment: ["OPENLI_APPLIANCE_CONFIG": file.path]
        )
        #expect(named.status == 0, "\(named.standardError)")
        #expect(named.standardOutput.hasPrefix("\(file.path): ok\n"))
        let none = try ProcessRunner.run(file.appliance.path, ["config", "check"])
        #expect(none.status == 2)
        #expect(none.standardError.hasPrefix("config check: no configuration file"))
    }
}
