import Appliance
import Configuration
import Testing

/// The configuration file's reader: keys and values with their lines, command-line arguments, overrides, and the
/// file's line in an error about one of its values.
@Suite struct ConfigurationFileTests {
    static let schema = ConfigurationSchema(keys: [
        .init(name: "shards", kind: .single, defaultValue: "1"),
        .init(name: "interface", kind: .repeating),
        .init(name: "realtime", kind: .flag),
        .init(name: "spool", kind: .single),
        .init(name: "spool-quota", kind: .single, defaultValue: "10G"),
    ])

    static func parse(_ text: String) throws(ConfigurationError) -> ConfigurationFile {
        try ConfigurationFile.parse(text, path: "/etc/test.conf", schema: schema, command: "run")
    }

    @Test func valuesKeepTheirLinesAndBecomeArguments() throws {
        let file = try Self.parse("# a comment\nshards: 2\ninterface:\n  - eth1\n  - -eth2\nrealtime: true\n")
        #expect(file.entries.map(\.key.name) == ["shards", "interface", "realtime"])
        #expect(file.entries.map(\.line) == [2, 3, 6])
        #expect(file.entries[1].values.map(\.line) == [4, 5])
        #expect(
            file.arguments(overriddenBy: []) == ["--shards=2", "--interface=eth1", "--interface=-eth2", "--realtime"]
        )
    }

    @Test func anEmptyFileOrOneOfCommentsHoldsNothing() throws {
        #expect(try Self.parse("").entries.isEmpty)
        #expect(try Self.parse("# only\n# comments\n").entries.isEmpty)
    }

    @Test func aFalseFlagGivesNoArgument() throws {
        #expect(try Self.parse("realtime: false").arguments(overriddenBy: []).isEmpty)
    }

    @Test func aListOnTheCommandLineReplacesTheFilesList() throws {
        let file = try Self.parse("shards: 2\ninterface: [eth1, eth2]\n")
        #expect(file.arguments(overriddenBy: ["--interface", "eth9"]) == ["--shards=2"])
        #expect(file.arguments(overriddenBy: ["--interface=eth9"]) == ["--shards=2"])
        #expect(file.arguments(overriddenBy: ["--", "--interface"]).count == 3)
    }

    @Test func anErrorAboutAFileValueNamesItsLine() throws {
        let file = try Self.parse("interface: [eth1]\nshards: 99\n")
        let error = ApplianceError(.usage, "run: --shards 99 is not in 1...64")
        #expect(file.locate(error, overriddenBy: []).message == "run: /etc/test.conf:2: shards: 99 is not in 1...64")
        #expect(file.locate(error, overriddenBy: ["--shards", "99"]) == error)
        let other = ApplianceError(.usage, "run: --spool-quota \"1K\" is not a size")
        #expect(file.locate(other, overriddenBy: []) == other)
    }

    @Test func anErrorAboutAListElementNamesTheElementsLine() throws {
        let file = try Self.parse("interface:\n  - eth1\n  - bad0\n")
        let error = ApplianceError(.runtime, "run: --interface bad0: no such device")
        #expect(
            file.locate(error, overriddenBy: []).message == "run: /etc/test.conf:3: interface: bad0: no such device"
        )
    }

    @Test(
        arguments: [
            ("shards: 2\nshardz: 1\n", "run: /etc/test.conf:2: shardz: unknown key"),
            ("shards: [1]\n", "run: /etc/test.conf:1: shards: is a list; it takes one value"),
            ("realtime: 3\n", "run: /etc/test.conf:1: realtime: \"3\" is not true or false"),
            ("shards: ~\n", "run: /etc/test.conf:1: shards: has no value"),
            ("interface: [eth1, [eth2]]\n", "run: /etc/test.conf:1: interface: an element of the list is a list"),
            ("shards: 1\nshards: 2\n", "run: /etc/test.conf:1: shards: given more than once"),
            ("shards: 1\n  spool: x\n", "run: /etc/test.conf:2: not valid YAML"),
        ])
    func refusedWithTheFileLineAndKey(text: String, message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(ApplianceError(error).exitStatus == 2)
        }
    }

    @Test func theDefaultFileIsTheEnvironmentsOrTheInstalledOne() {
        let variable = ConfigurationFile.environmentVariable
        #expect(ConfigurationFile.path(option: "/a", environment: [variable: "/b"], exists: { _ in true }) == "/a")
        #expect(ConfigurationFile.path(option: nil, environment: [variable: "/b"], exists: { _ in false }) == "/b")
        #expect(ConfigurationFile.path(option: nil, environment: [variable: ""], exists: { _ in true }) == nil)
        #expect(ConfigurationFile.path(option: nil, environment: [:], exists: { _ in false }) == nil)
        #expect(
            ConfigurationFile.path(option: nil, environment: [:], exists: { _ in true })
                == ConfigurationFile.defaultPath
        )
    }

    @Test func effectiveOptionsShowEveryKey() throws {
        let text = try Self.parse("interface: eth1\nrealtime: true\n").effectiveOptions(schema: Self.schema)
        #expect(text == "shards: 1\ninterface: [eth1]\nrealtime: true\nspool-quota: 10G\n# not set: spool\n")
    }
}
