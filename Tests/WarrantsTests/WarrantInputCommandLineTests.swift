import Foundation
import TestSupport
import Testing

/// Validation that refuses before the store is opened, through the built binary (skipped until it has been built):
/// Unicode format controls in targets, an end of the window in the past.
@Suite(.enabled(if: RepositoryLayout.applianceIsBuilt))
struct WarrantInputCommandLineTests {
    private let addAcme = [
        "agency", "add", "acme", "--hi2", "127.0.0.1:9001", "--hi3", "127.0.0.1:9002", "--plaintext",
    ]

    /// The lines a command wrote to standard error.
    private func errorLines(_ output: ProcessOutput) -> [String] {
        output.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test(arguments: [
        (
            ["ip", "--user", "ali\u{202E}ecb"],
            "--user \"ali\\u{202e}ecb\" contains U+202E, a Unicode bidirectional control"
        ),
        (["ip", "--user", "\u{2067}bob"], "--user \"\\u{2067}bob\" contains U+2067, a Unicode bidirectional control"),
        (["ip", "--user", "bob\u{200F}"], "--user \"bob\\u{200f}\" contains U+200F, a Unicode bidirectional control"),
        (
            ["ip", "--user", "b\u{200B}ob"],
            "--user \"b\\u{200b}ob\" contains U+200B, an invisible Unicode format control"
        ),
        (
            ["voip", "--sip-uri", "sip:\u{202D}alice@example.net"],
            "--sip-uri \"sip:\\u{202d}alice@example.net\" contains U+202D, a Unicode bidirectional control"
        ),
        (
            ["voip", "--tel", "+64\u{2066}3257781"],
            "--tel \"+64\\u{2066}3257781\" contains U+2066, a Unicode bidirectional control"
        ),
    ])
    func refusesFormatControlsInTargetsBeforeOpeningTheStore(_ options: [String], _ message: String) throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let refused = try binary.run(["warrant", "add", options[0], "L1", "--agency", "acme"] + options.dropFirst())
        #expect(refused.status == 2)
        #expect(
            errorLines(refused) == [
                "warrant add: \(message), which would make it display as something else"
            ]
        )
        #expect(!refused.standardError.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(!FileManager.default.fileExists(atPath: binary.databasePath))
    }

    @Test func refusesAnEndInThePastUnlessAllowed() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        let past = ["--end", "2020-01-01T02:00:00+02:00"]
        let message =
            "--end \"2020-01-01T00:00:00Z\" is in the past, so the warrant would never intercept (give"
            + " --allow-past to store it anyway)"
        let early = try binary.run(["warrant", "add", "ip", "L1", "--agency", "acme", "--user", "bob"] + past)
        #expect(early.status == 2)
        #expect(errorLines(early) == ["warrant add: " + message])
        #expect(!FileManager.default.fileExists(atPath: binary.databasePath))

        #expect(try binary.run(addAcme + ["--country", "nz"]).status == 0)
        let voip = try binary.run(["warrant", "add", "voip", "V1", "--agency", "acme", "--tel", "+643257781"] + past)
        #expect(voip.status == 2)
        #expect(errorLines(voip) == ["warrant add: " + message])
        let allowed = try binary.run(
            ["warrant", "add", "ip", "L1", "--agency", "acme", "--user", "bob", "--allow-past"] + past
        )
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(try binary.run(["warrant", "show", "L1"]).standardOutput.contains("status: expired"))
        #expect(try binary.run(["warrant", "add", "ip", "L2", "--agency", "acme", "--user", "carol"]).status == 0)

        let modify = try binary.run(["warrant", "modify", "L2"] + past)
        #expect(modify.status == 2)
        #expect(errorLines(modify) == ["warrant modify: " + message])
        #expect(try binary.run(["warrant", "show", "L2"]).standardOutput.contains("status: active"))
        let future = try binary.run(["warrant", "modify", "L2", "--end", "2099-01-01T00:00:00Z"])
        #expect(future.status == 0)
        #expect(try binary.run(["warrant", "modify", "L2", "--allow-past"] + past).status == 0)
        #expect(try binary.run(["warrant", "show", "L2"]).standardOutput.contains("status: expired"))
        #expect(try binary.run(["audit", "verify"]).standardOutput == "audit log intact: 5 rows\n")
    }

    @Test func messagesEscapeControlsInWhatTheyEcho() throws {
        let binary = try ApplianceBinary()
        defer { binary.cleanUp() }
        #expect(try binary.run(addAcme).status == 0)
        let shown = try binary.run(["warrant", "show", "L\u{202E}1\u{1B}[2J"])
        #expect(shown.status == 2)
        #expect(errorLines(shown) == ["warrant show: warrant \"L\\u{202e}1\\u{1b}[2J\" does not exist"])
    }
}
