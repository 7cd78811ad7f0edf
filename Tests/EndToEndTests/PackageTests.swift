import Foundation
import TestSupport
import Testing

/// The Debian package from `Scripts/package` (a release build of its own, in `.build-package`): its contents,
/// lintian, installing it on this machine, the installed binary and unit, remove (state kept) and purge (state
/// kept without the confirmation flag, removed with it, by file or by environment variable).
@Suite(.serialized, .enabled(if: PackageEnvironment.canInstall, PackageEnvironment.why))
struct PackageTests {
    static let state = PackageEnvironment.state
    static let flag = "/etc/openli-appliance/purge-state-on-purge"

    @Test func buildsInstallsRemovesAndPurges() throws {
        let scratch = try ScratchDirectory(prefix: "openli-package")
        let built = try ProcessRunner.run(
            RepositoryLayout.script("package"),
            [scratch.path],
            environment: ["OPENLI_PACKAGE_SCRATCH": RepositoryLayout.root.path + "/.build-package"]
        )
        try #require(built.status == 0, "Scripts/package: \(built.standardError)")
        let deb = built.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(deb.hasSuffix("_amd64.deb") && deb.contains("/openli-appliance_"))

        let contents = try run("/usr/bin/dpkg-deb", ["--contents", deb]).standardOutput
        for (path, mode) in [
            ("./usr/bin/openli-appliance", "-rwxr-xr-x"),
            ("./lib/systemd/system/openli-appliance.service", "-rw-r--r--"),
            ("./etc/openli-appliance/openli-appliance.conf", "-rw-r--r--"),
            ("./usr/share/man/man8/openli-appliance.8.gz", "-rw-r--r--"),
            ("./usr/share/bash-completion/completions/openli-appliance", "-rw-r--r--"),
            ("./usr/share/doc/openli-appliance/copyright", "-rw-r--r--"),
            ("./usr/share/doc/openli-appliance/changelog.Debian.gz", "-rw-r--r--"),
            ("./usr/share/lintian/overrides/openli-appliance", "-rw-r--r--"),
        ] {
            let line = contents.split(separator: "\n").first { $0.hasSuffix(" " + path) }
            #expect(line?.hasPrefix(mode + " root/root") == true, "\(path): \(line ?? "missing")")
        }
        let conffiles = try run("/usr/bin/dpkg-deb", ["--info", deb, "conffiles"]).standardOutput
        #expect(conffiles == "/etc/openli-appliance/openli-appliance.conf\n")
        if let lintian = ProcessRunner.which("lintian") {
            let report = try ProcessRunner.run(lintian, [deb])
            let errors = report.standardOutput.split(separator: "\n").filter { $0.hasPrefix("E:") }
            #expect(errors.isEmpty, "lintian: \(report.standardOutput)")
        }

        defer { _ = try? ProcessRunner.run("/usr/bin/dpkg", ["--purge", "openli-appliance"]) }
        try install(deb)
        let help = try run("/usr/bin/openli-appliance", ["--help"])
        #expect(help.standardOutput.contains("run"))
        let attributes = try FileManager.default.attributesOfItem(atPath: Self.state)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o7777 } == 0o700)
        #expect(attributes[.ownerAccountName] as? String == "openli")
        let verify = try ProcessRunner.run(
            "/usr/bin/systemd-analyze",
            ["verify", "/lib/systemd/system/openli-appliance.service"]
        )
        #expect(verify.status == 0, "systemd-analyze verify: \(verify.standardError)")

        try run("/usr/bin/dpkg", ["--remove", "openli-appliance"])
        #expect(!FileManager.default.fileExists(atPath: "/usr/bin/openli-appliance"))
        #expect(FileManager.default.fileExists(atPath: Self.state + "/test-state"), "remove keeps the state")
        let kept = try run("/usr/bin/dpkg", ["--purge", "openli-appliance"])
        #expect(kept.standardError.contains("kept /var/lib/openli-appliance"), "\(kept.standardError)")
        #expect(FileManager.default.fileExists(atPath: Self.state + "/test-state"), "purge without the flag keeps it")

        try install(deb)
        try run("/usr/bin/dpkg", ["--remove", "openli-appliance"])
        #expect(FileManager.default.createFile(atPath: Self.flag, contents: nil))
        try run("/usr/bin/dpkg", ["--purge", "openli-appliance"])
        #expect(!FileManager.default.fileExists(atPath: Self.state), "purge with the flag file removes the state")
        #expect(!FileManager.default.fileExists(atPath: "/etc/openli-appliance"))

        try install(deb)
        let purged = try ProcessRunner.run(
            "/usr/bin/dpkg",
            ["--purge", "openli-appliance"],
            environment: ["OPENLI_APPLIANCE_PURGE_STATE": "yes"]
        )
        #expect(purged.status == 0, "\(purged.standardError)")
        #expect(!FileManager.default.fileExists(atPath: Self.state), "purge with the variable removes the state")
    }

    /// Installs `deb` and leaves a file in the state directory, as a run would.
    private func install(_ deb: String) throws {
        try run("/usr/bin/dpkg", ["--install", deb])
        #expect(FileManager.default.createFile(atPath: Self.state + "/test-state", contents: Data("x".utf8)))
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> ProcessOutput {
        let output = try ProcessRunner.run(executable, arguments)
        try #require(output.status == 0, "\(executable) \(arguments.joined(separator: " ")): \(output.standardError)")
        return output
    }
}

/// Whether this machine can build and install the package (the suite is skipped with `why` otherwise).
enum PackageEnvironment {
    /// The state directory the package creates.
    static let state = "/var/lib/openli-appliance"

    /// Root, dpkg and the Swift toolchain are here, and no real store is installed in the state directory.
    static var canInstall: Bool {
        getuid() == 0 && ["/usr/bin/dpkg-deb", "/usr/bin/dpkg"].allSatisfy(FileManager.default.isExecutableFile)
            && ProcessRunner.which("swift") != nil
            && !FileManager.default.fileExists(atPath: state + "/warrants.sqlite")
    }

    static let why: Comment =
        "skipped: needs root, dpkg and the swift toolchain (Scripts/package), and no real store in \(state)"
}
