import Foundation

/// The built `openli-appliance` executable and a scratch directory, for tests that drive it like an operator does.
public struct ApplianceBinary: Sendable {
    /// Path of the executable (``RepositoryLayout/applianceExecutable``).
    public let path: String
    private let scratch: ScratchDirectory
    /// A fresh directory for this test's store and files.
    public var directory: String { scratch.path }
    /// The store in `directory`.
    public var databasePath: String { directory + "/warrants.sqlite" }

    /// Finds the binary and makes a scratch directory.
    public init() throws {
        path = RepositoryLayout.applianceExecutable
        scratch = try ScratchDirectory(prefix: "openli-e2e")
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
        scratch.remove()
    }
}
