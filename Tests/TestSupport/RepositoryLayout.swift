import Foundation

/// Where the tests find the repository's files and the built appliance: the one place that knows the layout.
///
/// The root is found from this file's own path (`<root>/Tests/TestSupport/RepositoryLayout.swift`), so a test never
/// passes its `#filePath` around. The appliance is looked for beside the running test binary, so a release test run
/// (`swift test -c release`) runs the release build and never a stale debug one.
public enum RepositoryLayout {
    /// The repository's root directory.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/Fixtures`: captures, golden vectors and ASN.1 modules, copied into the repository.
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    /// The path of `Tests/Fixtures/captures/<name>`.
    public static func capture(_ name: String) -> String {
        fixtures.appendingPathComponent("captures").appendingPathComponent(name).path
    }

    /// The URL of `Tests/Fixtures/vectors/<name>` (a file or a folder).
    public static func vector(_ name: String) -> URL {
        fixtures.appendingPathComponent("vectors").appendingPathComponent(name)
    }

    /// The path of `etc/<name>`: files the package installs under /etc.
    public static func etc(_ name: String) -> String {
        root.appendingPathComponent("etc").appendingPathComponent(name).path
    }

    /// The path of `Scripts/<name>`.
    public static func script(_ name: String) -> String {
        root.appendingPathComponent("Scripts").appendingPathComponent(name).path
    }

    /// The built `openli-appliance`: `$OPENLI_APPLIANCE_BIN` if set, else the one in the build directory the running
    /// test binary was built into (`.build/<triple>/debug` or `.../release`).
    public static let applianceExecutable: String = {
        if let override = ProcessInfo.processInfo.environment["OPENLI_APPLIANCE_BIN"] {
            return override
        }
        return buildDirectory().appendingPathComponent("openli-appliance").path
    }()

    /// Whether ``applianceExecutable`` exists and can be run.
    public static var applianceIsBuilt: Bool {
        FileManager.default.isExecutableFile(atPath: applianceExecutable)
    }

    /// The directory of the running test binary (on Linux the `.xctest` executable itself; elsewhere the folder that
    /// holds the `.xctest` bundle).
    private static func buildDirectory() -> URL {
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: running).deletingLastPathComponent()
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
    }
}
