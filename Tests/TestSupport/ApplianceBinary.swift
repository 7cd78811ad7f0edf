import Foundation

/// The built `openli-appliance` executable and a scratch directory, for tests that drive it like an operator does.
public struct ApplianceBinary: Sendable {
    /// Path of the executable (`.build/debug/openli-appliance`, or `$OPENLI_APPLIANCE_BIN`).
    public let path: String
    /// A fresh directory for this test's store and files.
    public let directory: String
    /// The store in `directory`.
    public var databasePath: String { directory + "/warrants.sqlite" }

    /// Finds the binary from a test file's path and makes a scratch directory.
    public init(testFile: String = #filePath) throws {
        if let override = ProcessInfo.processInfo.environment["OPENLI_APPLIANCE_BIN"] {
            path = override
        } else {
            let root = URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            path = root.appendingPathComponent(".build/debug/openli-appliance").path
        }
        directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("openli-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The scratch spool directory (`run` and `status` use it unless the test names another).
    public var spoolDirectory: String { directory + "/spool" }

    /// Runs the appliance with `arguments` followed by `--db` and the scratch store (and, for `run` and `status`,
    /// the scratch spool).
    @discardableResult
    public func run(_ arguments: [String]) throws -> ProcessOutput {
        var extra = ["--db", databasePath]
        if ["run", "status"].contains(arguments.first ?? ""), !arguments.contains("--spool") {
            extra += ["--spool", spoolDirectory]
        }
        return try ProcessRunner.run(path, arguments + extra)
    }

    /// Removes the scratch directory.
    public func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
