import Foundation
import TestSupport

/// A configuration file in a scratch directory, and the built appliance run with it as an operator would, with
/// nothing on the command line but what a test adds.
struct ConfigFile {
    /// The binary and the scratch directory (with the store `databasePath` and the spool `spoolDirectory`).
    let appliance: ApplianceBinary
    /// The file's path.
    let path: String

    /// Writes `lines` to `openli-appliance.conf` in a new scratch directory; `$DIR` in them is that directory.
    init(_ lines: [String]) throws {
        appliance = try ApplianceBinary()
        path = appliance.directory + "/openli-appliance.conf"
        let text = lines.map { $0.replacingOccurrences(of: "$DIR", with: appliance.directory) }
        try (text.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The lines that send a run's store and spool to the scratch directory.
    static let scratchState = ["db: $DIR/warrants.sqlite", "spool: $DIR/spool"]

    /// `config check --config FILE`.
    func check() throws -> ProcessOutput {
        try ProcessRunner.run(appliance.path, ["config", "check", "--config", path])
    }

    /// `run --config FILE` followed by `arguments`.
    func run(_ arguments: [String] = []) throws -> ProcessOutput {
        try ProcessRunner.run(appliance.path, ["run", "--config", path] + arguments)
    }

    /// Removes the scratch directory.
    func cleanUp() {
        appliance.cleanUp()
    }
}
