import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// True when the binary that ``ApplianceBinary`` runs has been built (`$OPENLI_APPLIANCE_BIN`, else
/// `<repo>/.build/debug/openli-appliance`).
let applianceIsBuilt: Bool = {
    if let override = ProcessInfo.processInfo.environment["OPENLI_APPLIANCE_BIN"] {
        return FileManager.default.isExecutableFile(atPath: override)
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return FileManager.default.isExecutableFile(
        atPath: root.appendingPathComponent(".build/debug/openli-appliance").path
    )
}()

/// Throwaway certificates made by `Scripts/dev-certs` in a test's scratch directory.
struct DevCertificates {
    let directory: String

    init(in parent: String, testFile: String = #filePath) throws {
        let root = URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("Scripts/dev-certs").path
        let made = try ProcessRunner.run(script, [parent + "/certs"])
        guard made.status == 0 else {
            throw DevCertificatesError(message: "dev-certs failed (\(made.status)): \(made.standardError)")
        }
        directory = Self.canonical(parent + "/certs")
    }

    /// The canonical path of a file in the directory.
    func path(_ name: String) -> String {
        Self.canonical(directory + "/" + name)
    }

    /// `path` with symbolic links, `.` and `..` resolved.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            return path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

struct DevCertificatesError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
